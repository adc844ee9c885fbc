import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Image, Input, Segmented, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, handleFormError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useRectificationAction, useRectificationItem, useRectificationItems, type RectificationAction, type RectificationItem } from './hooks';
import { PhotoUpload } from '../../ui/photo-upload';
import { lightColors, rectificationStateColors } from './status-colors';

/** 整改台账: every source's items with their clock; a drawer shows the timeline and the allowed next steps. */
export default function RectificationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [view, setView] = useState<'all' | 'open' | 'overdue'>('all');
  const [page, setPage] = useState(1);
  const list = useRectificationItems({ page, overdue: view === 'overdue' ? 'true' : undefined, state: undefined });
  const selected = params.get('item');
  const isMobile = useIsMobile();

  const columns = [
    { title: t('grid.col.title'), dataIndex: 'title', render: (v: string, r: RectificationItem) => <a onClick={() => setParams({ item: r.id })}>{v}</a> },
    { title: t('grid.col.org'), dataIndex: 'orgName', responsive: ['md' as const] },
    { title: t('grid.col.responsible'), dataIndex: 'responsibleName', responsive: ['md' as const] },
    { title: t('grid.col.deadline'), dataIndex: 'deadline' },
    { title: t('grid.col.state'), dataIndex: 'state', render: (s: RectificationItem['state']) => <Tag color={rectificationStateColors[s]}>{t(`grid.rect.state.${s}`)}</Tag> },
    {
      title: t('grid.col.light'),
      dataIndex: 'trafficLight',
      render: (l: RectificationItem['trafficLight'], r: RectificationItem) =>
        r.state === 'closed' ? <Tag color={r.closedOnTime ? 'green' : 'orange'}>{r.closedOnTime ? t('grid.rect.onTime') : t('grid.rect.late')}</Tag> : <Tag color={lightColors[l]}>{t(`grid.rect.light.${l}`)}</Tag>,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('grid.rectifications')}
        subtitle={list.data ? t('grid.rect.overdueCount', { n: list.data.overdueCount }) : undefined}
        extra={<Button icon={<DownloadOutlined />} onClick={() => void download(`/api/rectification/items.xlsx${view === 'overdue' ? '?overdue=true' : ''}`)}>{t('grid.export')}</Button>}
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={view}
        onChange={(v) => {
          setView(v as typeof view);
          setPage(1);
        }}
        options={[
          { value: 'all', label: t('grid.filter.all') },
          { value: 'overdue', label: t('grid.filter.overdue') },
        ]}
      />
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        scroll={{ x: true }}
      />
      <Drawer open={Boolean(selected)} onClose={() => setParams({})} width={isMobile ? '100%' : 560} destroyOnHidden>
        {selected ? <ItemDetail id={selected} /> : null}
      </Drawer>
    </div>
  );
}

const bodyless: RectificationAction[] = ['start'];

function ItemDetail({ id }: { id: string }) {
  const t = useT();
  const { message } = App.useApp();
  const item = useRectificationItem(id);
  const act = useRectificationAction();
  const [action, setAction] = useState<RectificationAction | null>(null);
  const [form] = Form.useForm<{ note?: string; reason?: string; responsibleName?: string; evidenceFileIds?: string[]; deadline?: { format: (f: string) => string } }>();
  const d = item.data;

  const run = async (a: RectificationAction) => {
    const v = form.getFieldsValue();
    const body: Record<string, unknown> =
      a === 'assign'
        ? { responsibleName: v.responsibleName, note: v.note }
        : a === 'submit'
          ? { note: v.note, evidenceFileIds: v.evidenceFileIds ?? [] }
          : a === 'request_extension'
            ? { deadline: v.deadline?.format('YYYY-MM-DD'), reason: v.reason }
            : a === 'return' || a === 'reopen' || a === 'approve_extension' || a === 'reject_extension'
              ? { reason: v.reason }
              : { note: v.note };
    try {
      await act.mutateAsync({ id, action: a, body });
      message.success(t('grid.rect.done'));
      setAction(null);
      form.resetFields();
    } catch (e) {
      handleFormError(form, e);
    }
  };

  if (!d) return <ErrorAlert error={item.error} />;
  const needsReason = action === 'return' || action === 'reopen' || action === 'approve_extension' || action === 'reject_extension' || action === 'request_extension';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>{d.title}</Typography.Title>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('grid.col.state')}>
          <Space wrap>
            <Tag color={rectificationStateColors[d.state]} data-testid="item-state">{t(`grid.rect.state.${d.state}`)}</Tag>
            {d.state !== 'closed' ? <Tag color={lightColors[d.trafficLight]}>{t(`grid.rect.light.${d.trafficLight}`)}</Tag> : null}
            {d.workingDaysLeft !== null && d.workingDaysLeft >= 0 ? <span>{t('grid.rect.daysLeft', { n: d.workingDaysLeft })}</span> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('grid.col.org')}>{d.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('grid.col.responsible')}>{d.responsibleName}</Descriptions.Item>
        <Descriptions.Item label={t('grid.field.measures')}>{d.measures}</Descriptions.Item>
        <Descriptions.Item label={t('grid.col.deadline')}>{d.deadline}</Descriptions.Item>
        {d.pendingExtension ? <Descriptions.Item label={t('grid.rect.action.request_extension')}>{t('grid.rect.pendingExtension', d.pendingExtension)}</Descriptions.Item> : null}
      </Descriptions>
      <Space wrap>
        {d.allowedActions.map((a) => (
          <Button key={a} type={a === 'verify' || a === 'submit' ? 'primary' : 'default'} data-testid={`item-action-${a}`} onClick={() => (bodyless.includes(a) ? void run(a) : setAction(a))} loading={act.isPending && action === a}>
            {t(`grid.rect.action.${a}`)}
          </Button>
        ))}
      </Space>
      {action ? (
        <Form form={form} layout="vertical" onFinish={() => void run(action)} style={{ border: '1px solid #eee', padding: 12 }}>
          {action === 'assign' ? (
            <Form.Item name="responsibleName" label={t('grid.field.responsible')} rules={[{ required: true }]} initialValue={d.responsibleName}>
              <Input />
            </Form.Item>
          ) : null}
          {action === 'request_extension' ? (
            <Form.Item name="deadline" label={t('grid.field.deadline')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          {needsReason ? (
            <Form.Item name="reason" label={t('grid.field.reason')} rules={[{ required: true }]}>
              <Input.TextArea rows={2} data-testid="item-reason" />
            </Form.Item>
          ) : (
            <Form.Item name="note" label={t('grid.field.note')} rules={action === 'submit' ? [{ required: true }] : []}>
              <Input.TextArea rows={2} data-testid="item-note" />
            </Form.Item>
          )}
          {action === 'submit' ? (
            <Form.Item name="evidenceFileIds" label={t('grid.field.evidence')} rules={[{ required: true, type: 'array', min: 1 }]} initialValue={[]}>
              <PhotoUpload label={t('grid.upload')} testId="item-evidence" />
            </Form.Item>
          ) : null}
          <Button type="primary" htmlType="submit" block data-testid="item-confirm" loading={act.isPending}>
            {t(`grid.rect.action.${action}`)}
          </Button>
        </Form>
      ) : null}
      <Typography.Title level={5}>{t('grid.rect.timeline')}</Typography.Title>
      <Timeline
        items={d.steps.map((s) => ({
          key: s.id,
          children: (
            <div>
              <div>
                <strong>{t(`grid.rect.action.${s.action}`)}</strong> · {s.actorName} · {formatDateTime(s.at)}
              </div>
              {s.note ? <div>{s.note}</div> : null}
              <Space wrap>
                {s.evidenceFileIds.map((f) => (
                  <Image key={f} src={`/api/files/${f}`} width={48} height={48} style={{ objectFit: 'cover' }} />
                ))}
              </Space>
            </div>
          ),
        }))}
      />
    </Space>
  );
}
