import { App, Button, Card, DatePicker, Flex, Form, InputNumber, Segmented, Select, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { Chart } from '../../ui/chart';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { ledgerUrl, useCampaignLines, useCampaigns, useCampaignTasks, useCampaignTotals, useOrgOptions, useRecordQuantity, type CampaignTotal } from './hooks';

function RecordForm({ campaignId, items }: { campaignId: string; items: CampaignTotal[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const orgs = useOrgOptions();
  const record = useRecordQuantity();
  const [form] = Form.useForm<{ orgId: string; day: Dayjs; item: string; quantity: number }>();
  return (
    <Card size="small" title={t('livelihood.cp.record')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          record.mutate(
            { campaignId, orgId: v.orgId, day: v.day.format('YYYY-MM-DD'), item: v.item, quantity: v.quantity },
            { onSuccess: () => { void message.success(t('livelihood.cp.saved')); form.resetFields(['quantity']); } },
          )
        }
      >
        <Form.Item name="orgId" label={t('livelihood.org')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" options={(orgs.data?.items ?? []).filter((o) => o.kind === 'village' || o.kind === 'community').map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="day" label={t('livelihood.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="item" label={t('livelihood.cp.item')} rules={[{ required: true }]}>
          <Select options={items.map((i) => ({ value: i.item, label: `${i.label}（${i.unit}）` }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('livelihood.cp.quantity')} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <ErrorAlert error={record.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" loading={record.isPending} block>
          {t('livelihood.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** 创文创卫: totals from the quantity ledger (never typed in), tasks by target place, and a form to record a day's work. */
export default function CampaignsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const campaigns = useCampaigns();
  const [selected, setSelected] = useState<string | undefined>();
  const id = selected ?? campaigns.data?.items[0]?.id;
  const [period, setPeriod] = useState<'all' | 'month'>('all');
  const totals = useCampaignTotals(id, period);
  const allTotals = useCampaignTotals(id, 'all');
  const tasks = useCampaignTasks(id);
  const [page, setPage] = useState(1);
  const lines = useCampaignLines(id, page);
  const monthly = period === 'month' ? (totals.data?.items ?? []).filter((r) => r.item === 'rubbish_m3' || r.item === 'person_times') : [];
  return (
    <div>
      <PageHeader title={t('livelihood.campaigns')} subtitle={t('livelihood.cp.subtitle')} extra={<Button onClick={() => void download(ledgerUrl('livelihood.campaign_quantities')).catch(showError)}>{t('livelihood.export')}</Button>} />
      <ErrorAlert error={campaigns.error ?? totals.error} />
      <Flex vertical gap={12}>
        <Flex wrap gap={8}>
          <Select style={{ minWidth: 240 }} value={id} onChange={setSelected} options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} />
          <Segmented value={period} onChange={(v) => setPeriod(v === 'month' ? 'month' : 'all')} options={[{ value: 'all', label: t('livelihood.cp.allTime') }, { value: 'month', label: t('livelihood.cp.byMonth') }]} />
        </Flex>
        <Card size="small" title={t('livelihood.cp.totals')}>
          {period === 'month' && monthly.length > 0 ? (
            <Chart
              height={240}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 8, right: 8, bottom: 8, top: 32, containLabel: true },
                xAxis: { type: 'category', data: [...new Set(monthly.map((r) => r.period))] },
                yAxis: { type: 'value' },
                series: ['rubbish_m3', 'person_times'].map((item) => ({
                  name: monthly.find((r) => r.item === item)?.label ?? item,
                  type: 'bar' as const,
                  data: [...new Set(monthly.map((r) => r.period))].map((p) => monthly.find((r) => r.item === item && r.period === p)?.quantity ?? 0),
                })),
              }}
            />
          ) : null}
          <Table
            size="small"
            rowKey={(r) => `${r.period}-${r.item}`}
            loading={totals.isLoading}
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={totals.data?.items ?? []}
            columns={[
              ...(period === 'month' ? [{ title: t('livelihood.date'), dataIndex: 'period' }] : []),
              { title: t('livelihood.cp.item'), dataIndex: 'label', render: (v: string, r: CampaignTotal) => (r.kind === 'equipment' ? <Tag color="purple">{v}</Tag> : v) },
              { title: t('livelihood.cp.quantity'), dataIndex: 'quantity', align: 'right' as const, render: (v: number) => v.toLocaleString('zh-CN') },
              { title: t('livelihood.cp.unit'), dataIndex: 'unit' },
            ]}
          />
        </Card>
        {id && can('campaign.write') ? <RecordForm campaignId={id} items={allTotals.data?.items ?? []} /> : null}
        <Card size="small" title={t('livelihood.cp.tasks')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={tasks.data?.items ?? []}
            columns={[
              { title: t('livelihood.cp.target'), dataIndex: 'targetName', render: (v: string, r) => <span><Tag>{r.targetKind}</Tag>{v}</span> },
              { title: t('livelihood.cb.title'), dataIndex: 'title' },
              { title: t('livelihood.org'), dataIndex: 'orgName' },
              { title: t('livelihood.state'), dataIndex: 'doneOn', render: (v: string | null) => (v ? <Tag color="green">{v}</Tag> : <Tag>{t('livelihood.rs.inProgress')}</Tag>) },
            ]}
          />
        </Card>
        <Card size="small" title={t('livelihood.cp.ledger')}>
          <Table
            size="small"
            rowKey="id"
            scroll={{ x: 'max-content' }}
            loading={lines.isLoading}
            dataSource={lines.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: lines.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: 'small' }}
            columns={[
              { title: t('livelihood.date'), dataIndex: 'day' },
              { title: t('livelihood.org'), dataIndex: 'orgName' },
              { title: t('livelihood.cp.item'), dataIndex: 'label' },
              { title: t('livelihood.cp.quantity'), dataIndex: 'quantity', align: 'right' as const },
              { title: t('livelihood.cp.unit'), dataIndex: 'unit' },
            ]}
          />
        </Card>
      </Flex>
    </div>
  );
}
