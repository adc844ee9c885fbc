import { Button, Card, Collapse, Form, Image, Input, InputNumber, List, Space, Table, Tag, Typography, message } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, handleFormError, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { PhotoUpload } from '../../ui/photo-upload';
import { useAddFinding, useCompleteTour, useScoreStop, useTour, type TourDetail, type TourStop } from './hooks';

function ScoreForm({ tour, stop }: { tour: TourDetail; stop: TourStop }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, number | string | string[]>>();
  const score = useScoreStop();
  const onFinish = async (values: Record<string, number | string | string[]>) => {
    const scores = Object.fromEntries(tour.checklist.items.map((i) => [i.key, Number(values[i.key])]));
    const photos = values.photoFileIds;
    try {
      await score.mutateAsync({ tourId: tour.id, stopId: stop.id, scores, comment: typeof values.comment === 'string' ? values.comment : undefined, photoFileIds: Array.isArray(photos) ? photos : [] });
      void message.success(t('partyWork.tours.saved'));
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ ...(stop.scores ?? {}), comment: stop.comment ?? '', photoFileIds: stop.photoFileIds }} onFinish={(v) => void onFinish(v)} data-testid={`score-form-${stop.seq}`}>
      {tour.checklist.items.map((i) => (
        <Form.Item key={i.key} name={i.key} label={`${i.label}（0–${i.maxScore}）`} rules={[{ required: true }]}>
          <InputNumber min={0} max={i.maxScore} precision={0} style={{ width: '100%' }} inputMode="numeric" aria-label={i.label} />
        </Form.Item>
      ))}
      <Form.Item name="comment" label={t('partyWork.tours.comment')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="photoFileIds" label={t('partyWork.form.photos')}>
        <PhotoUpload label={t('partyWork.form.addPhoto')} max={20} testId={`score-photos-${stop.seq}`} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block loading={score.isPending} data-testid="save-score">
        {t('partyWork.tours.save')}
      </Button>
    </Form>
  );
}

function FindingForm({ tour, stop }: { tour: TourDetail; stop: TourStop }) {
  const t = useT();
  const [form] = Form.useForm<{ title: string; responsibleName: string; workingDays: number; photoFileIds: string[] }>();
  const add = useAddFinding();
  const onFinish = async (v: { title: string; responsibleName: string; workingDays: number; photoFileIds: string[] }) => {
    try {
      await add.mutateAsync({ tourId: tour.id, stopId: stop.id, ...v });
      form.resetFields();
      void message.success(t('partyWork.tours.findingAdded'));
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ workingDays: 10, photoFileIds: [] }} onFinish={(v) => void onFinish(v)} data-testid={`finding-form-${stop.seq}`}>
      <Form.Item name="title" label={t('partyWork.tours.findingTitle')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="responsibleName" label={t('partyWork.tours.responsible')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="workingDays" label={t('partyWork.tours.workingDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={120} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="photoFileIds" label={t('partyWork.form.photos')}>
        <PhotoUpload label={t('partyWork.form.addPhoto')} max={20} testId={`finding-photos-${stop.seq}`} />
      </Form.Item>
      <Button htmlType="submit" block loading={add.isPending} data-testid="add-finding">
        {t('partyWork.tours.addFinding')}
      </Button>
    </Form>
  );
}

export default function TourDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const { can } = useAuth();
  const query = useTour(id);
  const complete = useCompleteTour();
  const tour = query.data;
  const writable = can('tour.write') && tour !== undefined && tour.state !== 'completed';

  return (
    <>
      <PageHeader
        title={tour?.title ?? t('partyWork.tours')}
        subtitle={tour ? `${tour.plannedOn} · ${t(`partyWork.tours.state.${tour.state}`)}` : undefined}
        extra={
          <>
            <Link to="/tours" className="no-print">
              <Button>{t('partyWork.tours.back')}</Button>
            </Link>
            {can('tour.export') ? (
              <Button className="no-print" onClick={() => void download(`/api/tours/${encodeURIComponent(id)}/report.xlsx`).catch(showError)}>
                {t('partyWork.tours.export')}
              </Button>
            ) : null}
            <Button className="no-print" onClick={() => window.print()}>
              {t('partyWork.tours.print')}
            </Button>
            {writable ? (
              <Button className="no-print" type="primary" loading={complete.isPending} onClick={() => void complete.mutateAsync(id).catch(showError)}>
                {t('partyWork.tours.complete')}
              </Button>
            ) : null}
          </>
        }
      />
      <style>{'@media print { .no-print, .ant-layout-sider, .ant-layout-header { display: none !important; } }'}</style>
      {query.error ? <ErrorAlert error={query.error} /> : null}
      {tour ? (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {writable ? (
            <Collapse
              className="no-print"
              items={tour.stops.map((s) => ({
                key: s.id,
                label: (
                  <span>
                    {s.seq}. {s.orgName} {s.totalScore === null ? <Tag>{t('partyWork.tours.unscored')}</Tag> : <Tag color="blue">{s.totalScore}</Tag>}
                  </span>
                ),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <ScoreForm tour={tour} stop={s} />
                    {s.totalScore !== null ? <FindingForm tour={tour} stop={s} /> : null}
                  </Space>
                ),
              }))}
            />
          ) : null}
          <Card size="small" title={`${tour.checklist.name}（${tour.checklist.maxTotal}）`}>
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ x: true }}
              dataSource={[...tour.stops].sort((a, b) => (a.rank ?? 999) - (b.rank ?? 999))}
              columns={[
                { title: t('partyWork.tours.rank'), dataIndex: 'rank', width: 60 },
                { title: t('partyWork.discipline.org'), dataIndex: 'orgName' },
                ...tour.checklist.items.map((i) => ({ title: i.label, key: i.key, render: (_: unknown, s: TourStop) => s.scores?.[i.key] ?? '' })),
                { title: t('partyWork.tours.total'), dataIndex: 'totalScore' },
              ]}
            />
          </Card>
          <Card size="small" title={t('partyWork.tours.findingList')} extra={can('rectification.read') ? <Link to="/rectifications">{t('partyWork.tours.ledger')}</Link> : null}>
            <List
              dataSource={tour.findings}
              renderItem={(f) => (
                <List.Item>
                  <Space direction="vertical" size={0}>
                    <Typography.Text strong>{f.title}</Typography.Text>
                    <Typography.Text type="secondary">
                      {f.orgName} · {t('partyWork.tours.responsible')}：{f.responsibleName} · {t('partyWork.tours.deadline')}：{f.deadline ?? ''}
                    </Typography.Text>
                    {f.photoFileIds.length ? (
                      <Image.PreviewGroup>
                        <Space wrap>
                          {f.photoFileIds.map((p) => (
                            <Image key={p} src={`/api/files/${p}`} width={56} height={56} style={{ objectFit: 'cover' }} />
                          ))}
                        </Space>
                      </Image.PreviewGroup>
                    ) : null}
                    <Space>
                      {f.state ? <Tag color={f.state === 'closed' ? 'green' : 'blue'}>{t(`partyWork.rect.${f.state}`)}</Tag> : null}
                      {f.overdue ? <Tag color="red">{t('partyWork.tours.overdue')}</Tag> : null}
                    </Space>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Space>
      ) : null}
    </>
  );
}
