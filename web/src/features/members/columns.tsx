import { Flex, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { Translate } from '../../i18n/i18n-context';
import type { FilterField } from '../../ui/resource-table';
import { stateColors, type MemberSummary } from './members';

/** One definition drives the table, the phone cards and the filters (the export takes the same filters). */
export function memberColumns(t: Translate): TableColumnsType<MemberSummary> {
  return [
    { title: t('members.field.name'), dataIndex: 'name', fixed: 'left', render: (_: unknown, m) => <Link to={`/members/${m.id}`} data-testid="member-link">{m.name}</Link> },
    { title: t('members.field.gender'), dataIndex: 'gender', render: (g: MemberSummary['gender']) => (g ? t(`members.gender.${g}`) : '') },
    { title: t('members.field.org'), dataIndex: 'orgName' },
    { title: t('members.field.category'), dataIndex: 'category', render: (c: MemberSummary['category']) => <Tag color={c === 'formal' ? 'red' : 'gold'}>{t(`members.category.${c}`)}</Tag> },
    { title: t('members.field.joinDate'), dataIndex: 'joinDate' },
    { title: t('members.field.posts'), dataIndex: 'posts', render: (p: string[]) => p.join('、') },
    { title: t('members.field.idNumber'), dataIndex: 'idNumberMasked' },
    { title: t('members.field.phone'), dataIndex: 'phoneMasked' },
    { title: t('members.field.state'), dataIndex: 'state', render: (s: MemberSummary['state']) => <Tag color={stateColors[s]}>{t(`members.state.${s}`)}</Tag> },
  ];
}

export function MemberCard({ member, t }: { member: MemberSummary; t: Translate }) {
  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center">
        <Link to={`/members/${member.id}`} data-testid="member-link" style={{ fontSize: 16, fontWeight: 600 }}>
          {member.name}
        </Link>
        <Space size={4}>
          <Tag color={member.category === 'formal' ? 'red' : 'gold'}>{t(`members.category.${member.category}`)}</Tag>
          {member.state !== 'active' ? <Tag>{t(`members.state.${member.state}`)}</Tag> : null}
        </Space>
      </Flex>
      <Typography.Text type="secondary">{member.orgName}</Typography.Text>
      <Typography.Text type="secondary">
        {member.phoneMasked ?? ''} {member.joinDate ? `· ${t('members.field.joinDate')} ${member.joinDate}` : ''}
      </Typography.Text>
    </Flex>
  );
}

export function memberFilters(orgs: Array<{ id: string; name: string; depth: number }>): FilterField[] {
  const year = new Date().getFullYear();
  return [
    { type: 'text', name: 'q', labelKey: 'members.field.search', placeholderKey: 'members.searchPlaceholder' },
    { type: 'select', name: 'orgId', labelKey: 'members.field.org', options: orgs.map((o) => ({ value: o.id, label: `${'　'.repeat(Math.max(0, o.depth - 1))}${o.name}` })) },
    { type: 'select', name: 'category', labelKey: 'members.field.category', options: [{ value: 'formal', labelKey: 'members.category.formal' }, { value: 'probationary', labelKey: 'members.category.probationary' }] },
    { type: 'text', name: 'post', labelKey: 'members.field.posts' },
    { type: 'select', name: 'joinYear', labelKey: 'members.field.joinYear', options: Array.from({ length: 60 }, (_, i) => ({ value: String(year - i), label: String(year - i) })) },
    {
      type: 'select',
      name: 'state',
      labelKey: 'members.field.state',
      options: (['active', 'left', 'deceased', 'transferred_out', 'all'] as const).map((s) => ({ value: s, labelKey: `members.state.${s}` })),
    },
  ];
}
