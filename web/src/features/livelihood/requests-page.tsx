import { App, Button, Card, Empty, Flex, Input, Pagination, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { ledgerUrl, percentText, useRequestAction, useRequestRates, useRequests, type ResidentRequest } from './hooks';

const stateColor: Record<ResidentRequest['state'], string> = { submitted: 'orange', accepted: 'blue', dispatched: 'processing', answered: 'cyan', rated: 'green', rejected: 'default' };

function RequestCard({ r }: { r: ResidentRequest }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const act = useRequestAction();
  const handler = can('request.handle');
  const run = (action: 'accept' | 'reject' | 'dispatch' | 'answer' | 'claim', body?: unknown) => act.mutate({ id: r.id, action, body }, { onError: (e) => showError(e) });
  const ask = (title: string, onOk: (text: string) => void) => {
    let text = '';
    modal.confirm({ title, content: <Input.TextArea rows={3} onChange={(e) => (text = e.target.value)} />, onOk: () => onOk(text) });
  };
  return (
    <Card size="small" data-testid="request-card" title={<Space wrap><Tag>{t(`livelihood.rq.kind.${r.kind}`)}</Tag>{r.title}</Space>} extra={<Tag color={stateColor[r.state]}>{t(`livelihood.rq.state.${r.state}`)}</Tag>}>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{r.content}</Typography.Paragraph>
      <Typography.Text type="secondary">
        {r.orgName} · {r.contactName} {r.phoneMasked} · {formatDateTime(r.submittedAt)} · {r.trackingCode}
      </Typography.Text>
      {r.assigneeName ? <div>{`${t('livelihood.rq.assignee')}：${r.assigneeName}`}</div> : null}
      {r.answer ? <div>{`${t('livelihood.rq.answerText')}：${r.answer}`}</div> : null}
      {r.rejectReason ? <div>{`${t('livelihood.rq.reason')}：${r.rejectReason}`}</div> : null}
      {r.rating ? <div>{`${t('livelihood.rating')}：${r.rating}`}</div> : null}
      <Flex wrap gap={8} style={{ marginTop: 8 }}>
        {handler && r.state === 'submitted' ? <Button size="small" onClick={() => run('accept')}>{t('livelihood.rq.accept')}</Button> : null}
        {handler && r.state === 'submitted' ? <Button size="small" danger onClick={() => ask(t('livelihood.rq.reason'), (reason) => run('reject', { reason }))}>{t('livelihood.rq.reject')}</Button> : null}
        {handler && r.state === 'accepted' ? (
          <Button size="small" onClick={() => ask(t('livelihood.rq.assignee'), (assigneeName) => run('dispatch', { assigneeKind: 'department', assigneeName }))}>{t('livelihood.rq.dispatch')}</Button>
        ) : null}
        {handler && (r.state === 'accepted' || r.state === 'dispatched') ? (
          <Button size="small" onClick={() => ask(t('livelihood.rq.answerText'), (answer) => run('answer', { answer }))}>{t('livelihood.rq.answer')}</Button>
        ) : null}
        {r.canClaim ? <Button size="small" type="primary" onClick={() => run('claim')}>{t('livelihood.rq.claim')}</Button> : null}
        {r.canFulfil ? (
          <Button size="small" type="primary" onClick={() => ask(t('livelihood.rq.answerText'), (answer) => run('answer', { answer }))}>{t('livelihood.rq.fulfil')}</Button>
        ) : null}
      </Flex>
    </Card>
  );
}

function RatesTable() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const [range, setRange] = useState<[string, string]>(['2018-01-01', `${year}-12-31`]);
  const rates = useRequestRates(range[0], range[1]);
  return (
    <Card size="small" title={t('livelihood.rq.rates')} extra={<Select size="small" value={range[0]} onChange={(v) => setRange([v, v === '2018-01-01' ? `${year}-12-31` : `${v.slice(0, 4)}-12-31`])} options={[{ value: '2018-01-01', label: `2018–${year}` }, { value: `${year}-01-01`, label: String(year) }]} />}>
      <ErrorAlert error={rates.error} />
      <Table
        size="small"
        rowKey="orgId"
        pagination={false}
        scroll={{ x: 'max-content' }}
        loading={rates.isLoading}
        dataSource={rates.data?.items ?? []}
        columns={[
          { title: t('livelihood.org'), dataIndex: 'orgName' },
          { title: t('livelihood.rq.submitted'), dataIndex: 'submitted' },
          { title: t('livelihood.rq.responseRate'), dataIndex: 'responseRate', render: percentText },
          { title: t('livelihood.rq.resolveRate'), dataIndex: 'resolveRate', render: percentText },
          { title: t('livelihood.rq.satisfactionRate'), dataIndex: 'satisfactionRate', render: percentText },
        ]}
      />
    </Card>
  );
}

/** Requests and wishes in scope (community staff), or the wish pool and own claims (members, units). */
export default function RequestsPage() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const [params, setParams] = useSearchParams();
  // 'all' shows a member's or unit's claims together with the open wishes, so a claimed wish stays in view.
  const view = params.get('view') ?? 'all';
  const state = params.get('state') ?? undefined;
  const [page, setPage] = useState(1);
  const list = useRequests({ page, pageSize: 10, state, pool: view === 'pool' ? 'yes' : undefined });
  const streetCode = me?.user.tenant.code;
  return (
    <div>
      <PageHeader
        title={t('livelihood.requests')}
        subtitle={t('livelihood.rq.subtitle')}
        extra={
          <>
            {streetCode ? <Button href={`/public/${streetCode}/requests`} target="_blank">{t('livelihood.rq.publicLink')}</Button> : null}
            <Button onClick={() => void download(ledgerUrl('livelihood.requests')).catch(showError)}>{t('livelihood.export')}</Button>
          </>
        }
      />
      <Flex vertical gap={12}>
        <Segmented
          value={view}
          onChange={(v) => {
            setPage(1);
            setParams({ view: String(v) });
          }}
          options={[{ value: 'all', label: t('livelihood.rq.all') }, ...(can('request.claim') ? [{ value: 'pool', label: t('livelihood.rq.pool') }] : [])]}
        />
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 ? <Empty description={t('livelihood.empty')} /> : null}
        {(list.data?.items ?? []).map((r) => (
          <RequestCard key={r.id} r={r} />
        ))}
        <Pagination size="small" current={page} pageSize={10} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} />
        {can('request.handle') || can('resettlement.read') ? <RatesTable /> : null}
      </Flex>
    </div>
  );
}
