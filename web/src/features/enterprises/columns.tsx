import { Flex, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Translate } from '../../i18n/i18n-context';
import type { FilterField } from '../../ui/resource-table';
import { enterpriseCategories, type Enterprise, type Pollution } from './enterprises';

const statusColor = { operating: 'green', banned: 'red', closed: 'default' } as const;
const stateColor = { listed: 'default', remediating: 'orange', signed_off: 'green', rebound: 'red' } as const;

export function enterpriseColumns(t: Translate): TableColumnsType<Enterprise> {
  return [
    { title: t('enterprises.field.name'), dataIndex: 'name', fixed: 'left', render: (_: unknown, e) => <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link">{e.name}</Link> },
    { title: t('enterprises.field.category'), dataIndex: 'category', render: (c: Enterprise['category']) => t(`enterprises.category.${c}`) },
    { title: t('enterprises.field.creditCode'), dataIndex: 'creditCode' },
    { title: t('enterprises.field.org'), dataIndex: 'orgName' },
    { title: t('enterprises.field.address'), dataIndex: 'address' },
    { title: t('enterprises.field.contactPhone'), dataIndex: 'contactPhoneMasked' },
    { title: t('enterprises.field.inspectionCount'), dataIndex: 'inspectionCount' },
    { title: t('enterprises.field.lastInspectedOn'), dataIndex: 'lastInspectedOn' },
    { title: t('enterprises.field.status'), dataIndex: 'status', render: (s: Enterprise['status']) => <Tag color={statusColor[s]}>{t(`enterprises.status.${s}`)}</Tag> },
  ];
}

export function EnterpriseCard({ e, t }: { e: Enterprise; t: Translate }) {
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center" gap={8}>
        <Link to={`/enterprises/${e.id}`} data-testid="enterprise-link" style={{ fontSize: 16, fontWeight: 600 }}>
          {e.name}
        </Link>
        <Tag color={statusColor[e.status]}>{t(`enterprises.status.${e.status}`)}</Tag>
      </Flex>
      <Typography.Text type="secondary">
        {t(`enterprises.category.${e.category}`)} · {e.orgName}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('enterprises.field.lastInspectedOn')}：{e.lastInspectedOn ?? '—'}
      </Typography.Text>
    </Flex>
  );
}

export const enterpriseFilters: FilterField[] = [
  { type: 'text', name: 'q', labelKey: 'enterprises.field.search', placeholderKey: 'enterprises.search' },
  { type: 'select', name: 'category', labelKey: 'enterprises.field.category', options: enterpriseCategories.map((c) => ({ value: c, labelKey: `enterprises.category.${c}` })) },
  { type: 'select', name: 'status', labelKey: 'enterprises.field.status', options: (['operating', 'banned'] as const).map((s) => ({ value: s, labelKey: `enterprises.status.${s}` })) },
];

export function pollutionColumns(t: Translate): TableColumnsType<Pollution> {
  return [
    { title: t('enterprises.env.field.name'), dataIndex: 'name', fixed: 'left' },
    { title: t('enterprises.field.org'), dataIndex: 'orgName' },
    { title: t('enterprises.env.field.treatment'), dataIndex: 'treatment', render: (v: Pollution['treatment']) => t(`enterprises.env.treatment.${v}`) },
    { title: t('enterprises.env.field.problem'), dataIndex: 'problem' },
    { title: t('enterprises.env.field.state'), dataIndex: 'state', render: (s: Pollution['state']) => <Tag color={stateColor[s]}>{t(`enterprises.env.state.${s}`)}</Tag> },
    { title: t('enterprises.env.field.signedOffOn'), dataIndex: 'signedOffOn' },
    { title: t('enterprises.env.field.nextRecheckOn'), dataIndex: 'nextRecheckOn' },
  ];
}

export function PollutionCard({ p, t }: { p: Pollution; t: Translate }) {
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text strong>{p.name}</Typography.Text>
        <Tag color={stateColor[p.state]}>{t(`enterprises.env.state.${p.state}`)}</Tag>
      </Flex>
      <Typography.Text type="secondary">
        {t(`enterprises.env.treatment.${p.treatment}`)} · {p.orgName}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('enterprises.env.field.nextRecheckOn')}：{p.nextRecheckOn ?? '—'}
      </Typography.Text>
    </Flex>
  );
}

export const pollutionFilters: FilterField[] = [
  { type: 'text', name: 'q', labelKey: 'enterprises.field.search' },
  { type: 'select', name: 'state', labelKey: 'enterprises.env.field.state', options: (['listed', 'remediating', 'signed_off', 'rebound'] as const).map((s) => ({ value: s, labelKey: `enterprises.env.state.${s}` })) },
  { type: 'select', name: 'treatment', labelKey: 'enterprises.env.field.treatment', options: (['shutdown', 'relocation', 'upgrade'] as const).map((s) => ({ value: s, labelKey: `enterprises.env.treatment.${s}` })) },
  { type: 'select', name: 'recheckDue', labelKey: 'enterprises.env.recheckDue', options: [{ value: 'true', labelKey: 'enterprises.env.recheckDue' }] },
];
