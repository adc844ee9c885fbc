import { App, Button, Card, Flex, Form, Input, InputNumber, Modal, Rate, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { todayInShanghai } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import {
  ledgerUrl,
  useClaimNeed,
  useCobuild,
  useCreateResource,
  useDeliverProject,
  useRateProject,
  useUnitReport,
  type CobuildProject,
  type CobuildUnit,
  type Need,
  type Resource,
} from './hooks';

function UnitsTab() {
  const { t } = useI18n();
  const units = useCobuild<CobuildUnit>('units');
  const [reportFor, setReportFor] = useState<string | null>(null);
  const year = 2018;
  const report = useUnitReport(reportFor, year);
  return (
    <>
      <ErrorAlert error={units.error} />
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        pagination={false}
        loading={units.isLoading}
        dataSource={units.data?.items ?? []}
        columns={[
          { title: t('livelihood.cb.units'), dataIndex: 'name' },
          { title: t('livelihood.cb.reportedTo'), dataIndex: 'reportedOrgName' },
          { title: t('livelihood.cb.contact'), key: 'c', render: (_: unknown, u: CobuildUnit) => `${u.contactName} ${u.contactPhoneMasked ?? ''}` },
          { title: t('livelihood.cb.agreements'), dataIndex: 'agreements' },
          { title: t('livelihood.cb.memberReports'), dataIndex: 'memberReports' },
          { title: t('livelihood.cb.projects'), dataIndex: 'projects' },
          { title: t('livelihood.actions'), key: 'a', render: (_: unknown, u: CobuildUnit) => <Button size="small" onClick={() => setReportFor(u.id)}>{t('livelihood.cb.yearReport')}</Button> },
        ]}
      />
      <Modal open={reportFor !== null} onCancel={() => setReportFor(null)} footer={null} title={report.data ? `${report.data.unitName} ${year}` : t('livelihood.cb.yearReport')}>
        <ErrorAlert error={report.error} />
        <p>{report.data?.summary}</p>
      </Modal>
    </>
  );
}

function NeedsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const needs = useCobuild<Need>('needs');
  const claim = useClaimNeed();
  return (
    <>
      <ErrorAlert error={needs.error} />
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={needs.data?.items ?? []}
        columns={[
          { title: t('livelihood.cb.title'), dataIndex: 'title' },
          { title: t('livelihood.org'), dataIndex: 'orgName' },
          { title: t('livelihood.cb.category'), dataIndex: 'category' },
          { title: t('livelihood.state'), dataIndex: 'state', render: (s: string) => <Tag>{t(`livelihood.cb.state.${s}`)}</Tag> },
          {
            title: t('livelihood.actions'),
            key: 'a',
            render: (_: unknown, n: Need) => (n.state === 'open' && can('cobuild.offer') ? <Button size="small" type="primary" onClick={() => claim.mutate(n.id, { onError: (e) => showError(e) })}>{t('livelihood.cb.claim')}</Button> : null),
          },
        ]}
      />
    </>
  );
}

function ResourcesTab() {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const resources = useCobuild<Resource>('resources');
  const create = useCreateResource();
  const [form] = Form.useForm<{ title: string; category: string; description: string }>();
  return (
    <Flex vertical gap={12}>
      <ErrorAlert error={resources.error} />
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={resources.data?.items ?? []}
        columns={[
          { title: t('livelihood.cb.title'), dataIndex: 'title' },
          { title: t('livelihood.cb.units'), dataIndex: 'unitName' },
          { title: t('livelihood.cb.category'), dataIndex: 'category' },
          { title: t('livelihood.date'), dataIndex: 'offeredOn' },
        ]}
      />
      {can('cobuild.offer') && me?.user.roles.includes('unit_contact') ? (
        <Card size="small" title={t('livelihood.cb.newResource')}>
          <Form form={form} layout="vertical" onFinish={(v) => create.mutate({ ...v, description: v.description ?? '' }, { onSuccess: () => form.resetFields() })}>
            <Form.Item name="title" label={t('livelihood.cb.title')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="category" label={t('livelihood.cb.category')} rules={[{ required: true }]}><Input /></Form.Item>
            <Form.Item name="description" label={t('livelihood.cb.description')}><Input.TextArea rows={2} /></Form.Item>
            <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('livelihood.save')}</Button>
          </Form>
        </Card>
      ) : null}
    </Flex>
  );
}

function ProjectsTab() {
  const { t } = useI18n();
  const { can } = useAuth();
  const { modal } = App.useApp();
  const projects = useCobuild<CobuildProject>('projects');
  const deliver = useDeliverProject();
  const rate = useRateProject();
  const askDeliver = (id: string) => {
    let note = '';
    let beneficiaries = 0;
    modal.confirm({
      title: t('livelihood.cb.deliver'),
      content: (
        <Flex vertical gap={8}>
          <Input.TextArea rows={3} placeholder={t('livelihood.cb.note')} onChange={(e) => (note = e.target.value)} />
          <InputNumber style={{ width: '100%' }} placeholder={t('livelihood.cb.beneficiaries')} onChange={(v) => (beneficiaries = Number(v ?? 0))} />
        </Flex>
      ),
      onOk: () => deliver.mutateAsync({ id, date: todayInShanghai(), note, beneficiaries }).catch(showError),
    });
  };
  const askRate = (id: string) => {
    let stars = 5;
    modal.confirm({ title: t('livelihood.cb.rate'), content: <Rate defaultValue={5} onChange={(v) => (stars = v)} />, onOk: () => rate.mutateAsync({ id, rating: stars }).catch(showError) });
  };
  return (
    <>
      <ErrorAlert error={projects.error} />
      <Table
        size="small"
        rowKey="id"
        scroll={{ x: 'max-content' }}
        pagination={false}
        dataSource={projects.data?.items ?? []}
        columns={[
          { title: t('livelihood.cb.title'), dataIndex: 'title' },
          { title: t('livelihood.org'), dataIndex: 'orgName' },
          { title: t('livelihood.cb.units'), dataIndex: 'unitName' },
          { title: t('livelihood.state'), dataIndex: 'state', render: (s: string) => <Tag>{t(`livelihood.cb.state.${s}`)}</Tag> },
          { title: t('livelihood.cb.beneficiaries'), dataIndex: 'beneficiaries' },
          { title: t('livelihood.rating'), dataIndex: 'rating' },
          {
            title: t('livelihood.actions'),
            key: 'a',
            render: (_: unknown, p: CobuildProject) =>
              p.state === 'claimed' && can('cobuild.offer') ? (
                <Button size="small" onClick={() => askDeliver(p.id)}>{t('livelihood.cb.deliver')}</Button>
              ) : p.state === 'delivered' && can('cobuild.write') ? (
                <Button size="small" onClick={() => askRate(p.id)}>{t('livelihood.cb.rate')}</Button>
              ) : null,
          },
        ]}
      />
    </>
  );
}

/** 共驻共建: units and the three lists; units claim needs and report delivery, communities rate. */
export default function CobuildPage() {
  const { t } = useI18n();
  const exportBtn = (id: string) => <Button onClick={() => void download(ledgerUrl(id)).catch(showError)}>{t('livelihood.export')}</Button>;
  return (
    <div>
      <PageHeader title={t('livelihood.cobuild')} subtitle={t('livelihood.cb.subtitle')} />
      <Tabs
        items={[
          { key: 'units', label: t('livelihood.cb.units'), children: <UnitsTab /> },
          { key: 'needs', label: t('livelihood.cb.needs'), children: <Flex vertical gap={8}>{exportBtn('livelihood.cobuild_needs')}<NeedsTab /></Flex> },
          { key: 'resources', label: t('livelihood.cb.resources'), children: <Flex vertical gap={8}>{exportBtn('livelihood.cobuild_resources')}<ResourcesTab /></Flex> },
          { key: 'projects', label: t('livelihood.cb.projects'), children: <Flex vertical gap={8}>{exportBtn('livelihood.cobuild_projects')}<ProjectsTab /></Flex> },
        ]}
      />
    </div>
  );
}
