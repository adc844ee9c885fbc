import { Button, Card, Flex, Form, Input, List, Modal, Select, Space, Tabs, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert, handleFormError, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { PhotoUpload } from '../../ui/photo-upload';
import { DrawFormModal, PlanFormModal, SessionFormModal } from './study-forms';
import { useBranchResults, useCreateNote, useDraw, useNotes, usePlans, useRecordResult, useSessions } from './hooks';

function PlansTab() {
  const t = useT();
  const { can } = useAuth();
  const q = usePlans();
  const [creating, setCreating] = useState(false);
  return (
    <>
      {can('study.plan') ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('partyWork.study.newPlan')}
          </Button>
        </Flex>
      ) : null}
      {creating ? <PlanFormModal onClose={() => setCreating(false)} /> : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        renderItem={(p) => (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={p.title} extra={`${p.startsOn} – ${p.endsOn}`}>
              <Typography.Text strong>{t('partyWork.study.topics')}：</Typography.Text>
              <Space wrap>{p.topics.map((x) => <Tag key={x}>{x}</Tag>)}</Space>
              <div>
                <Typography.Text strong>{t('partyWork.study.materials')}：</Typography.Text>
                {p.materials.join('、')}
              </div>
            </Card>
          </List.Item>
        )}
      />
    </>
  );
}

function SessionsTab() {
  const t = useT();
  const { can } = useAuth();
  const q = useSessions();
  const [creating, setCreating] = useState(false);
  return (
    <>
      {can('study.session') ? (
        <Flex justify="flex-end" style={{ marginBottom: 12 }}>
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('partyWork.study.newSession')}
          </Button>
        </Flex>
      ) : null}
      {creating ? <SessionFormModal onClose={() => setCreating(false)} /> : null}
      {q.data ? <Typography.Paragraph>{t('partyWork.study.attendance', { attended: q.data.totals.attended, expected: q.data.totals.expected })}</Typography.Paragraph> : null}
      <List
        loading={q.isPending}
        pagination={{ pageSize: 20, size: 'small' }}
        dataSource={q.data?.items ?? []}
        renderItem={(s) => (
          <List.Item>
            <List.Item.Meta title={`${s.heldOn} ${s.title}`} description={`${s.orgName} · ${t(`partyWork.study.kind.${s.kind}`)} · ${t('partyWork.study.attendance', { attended: s.attendedCount, expected: s.expectedCount })}`} />
          </List.Item>
        )}
      />
    </>
  );
}

function NotesTab() {
  const t = useT();
  const { can } = useAuth();
  const q = useNotes();
  const create = useCreateNote();
  const [form] = Form.useForm<{ content?: string; photoFileIds?: string[] }>();
  const onFinish = async (v: { content?: string; photoFileIds?: string[] }) => {
    try {
      await create.mutateAsync({ content: v.content ?? '', photoFileIds: v.photoFileIds ?? [] });
      form.resetFields();
      void message.success(t('partyWork.study.noteSaved'));
    } catch (e) {
      handleFormError(form, e);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {can('study.note') ? (
        <Card size="small" title={t('partyWork.study.newNote')}>
          <Form form={form} layout="vertical" onFinish={(v) => void onFinish(v)} initialValues={{ photoFileIds: [] }}>
            <Form.Item name="content" label={t('partyWork.study.noteContent')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Form.Item name="photoFileIds" label={t('partyWork.study.notePhoto')}>
              <PhotoUpload label={t('partyWork.form.addPhoto')} max={9} testId="note-photos" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={create.isPending} style={{ marginTop: 12 }}>
              {t('partyWork.study.submitNote')}
            </Button>
          </Form>
        </Card>
      ) : null}
      <List
        loading={q.isPending}
        dataSource={q.data?.items ?? []}
        renderItem={(n) => (
          <List.Item>
            <List.Item.Meta title={`${n.writtenOn} ${n.memberName}`} description={n.content} />
          </List.Item>
        )}
      />
    </Space>
  );
}

function DrawModal({ id, onClose }: { id: string; onClose: () => void }) {
  const t = useT();
  const { can } = useAuth();
  const q = useDraw(id);
  const record = useRecordResult();
  const d = q.data;
  const color = { pass: 'green', fail: 'red', pending: 'default' } as const;
  return (
    <Modal open title={d ? `${d.orgName} ${d.year}年${t('partyWork.study.quarterN', { n: d.quarter })}` : t('partyWork.study.draw')} onCancel={onClose} footer={null}>
      {d ? (
        <>
          <Typography.Text type="secondary">{t('partyWork.study.seed', { seed: d.seed, cycle: d.cycle })}</Typography.Text>
          <List
            dataSource={d.picks}
            renderItem={(p) => (
              <List.Item
                actions={
                  can('spotcheck.review')
                    ? [
                        <Button key="p" size="small" onClick={() => void record.mutateAsync({ drawId: d.id, pickId: p.id, result: 'pass' }).catch(showError)}>
                          {t('partyWork.study.pass')}
                        </Button>,
                        <Button key="f" size="small" danger onClick={() => void record.mutateAsync({ drawId: d.id, pickId: p.id, result: 'fail' }).catch(showError)}>
                          {t('partyWork.study.fail')}
                        </Button>,
                      ]
                    : undefined
                }
              >
                <List.Item.Meta title={p.memberName} description={t('partyWork.study.notesInQuarter', { count: p.notesInQuarter })} />
                <Tag color={color[p.result]}>{t(`partyWork.study.${p.result}`)}</Tag>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Modal>
  );
}

function SpotChecksTab() {
  const t = useT();
  const [year, setYear] = useState(2018);
  const [quarter, setQuarter] = useState(3);
  const [open, setOpen] = useState<string | null>(null);
  const [drawing, setDrawing] = useState(false);
  const { can } = useAuth();
  const q = useBranchResults(year, quarter, true);
  const years = Array.from({ length: 10 }, (_, i) => 2018 + i);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select aria-label={t('partyWork.study.year')} value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}` }))} style={{ width: 100 }} />
        <Select aria-label={t('partyWork.study.quarter')} value={quarter} onChange={setQuarter} options={[1, 2, 3, 4].map((n) => ({ value: n, label: t('partyWork.study.quarterN', { n }) }))} style={{ width: 120 }} />
        {can('spotcheck.draw') ? (
          <Button type="primary" onClick={() => setDrawing(true)}>
            {t('partyWork.study.drawButton')}
          </Button>
        ) : null}
      </Space>
      {drawing ? (
        <DrawFormModal
          year={year}
          quarter={quarter}
          onClose={() => setDrawing(false)}
          onDrawn={(y, qq) => {
            setYear(y);
            setQuarter(qq);
          }}
        />
      ) : null}
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <List
        loading={q.isPending}
        locale={{ emptyText: t('partyWork.study.noDraws') }}
        dataSource={q.data?.items ?? []}
        renderItem={(r) => (
          <List.Item onClick={() => setOpen(r.drawId)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={r.orgName}
              description={
                <>
                  <div>
                    {t('partyWork.study.sample', { size: r.sampleSize })} · {t('partyWork.study.checked', { checked: r.checked, passed: r.passed, failed: r.failed })}
                  </div>
                  {r.withoutNotes.length ? <Typography.Text type="danger">{t('partyWork.study.withoutNotes', { names: r.withoutNotes.join('、') })}</Typography.Text> : null}
                </>
              }
            />
          </List.Item>
        )}
      />
      {open ? <DrawModal id={open} onClose={() => setOpen(null)} /> : null}
    </>
  );
}

export default function StudyPage() {
  const t = useT();
  const { can } = useAuth();
  const items = [
    { key: 'plans', label: t('partyWork.study.plans'), children: <PlansTab /> },
    { key: 'notes', label: t('partyWork.study.notes'), children: <NotesTab /> },
    { key: 'sessions', label: t('partyWork.study.sessions'), children: <SessionsTab /> },
    ...(can('spotcheck.read') ? [{ key: 'spot-checks', label: t('partyWork.study.spotChecks'), children: <SpotChecksTab /> }] : []),
  ];
  const initial = new URLSearchParams(window.location.search).get('tab') ?? (can('study.note') ? 'notes' : 'plans');
  return (
    <>
      <PageHeader title={t('partyWork.study')} subtitle={t('partyWork.study.subtitle')} />
      <Tabs defaultActiveKey={initial} items={items} />
    </>
  );
}
