import { Button, Card, DatePicker, Flex, Segmented, Select, Space, Statistic, Table, Tabs } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useAuth } from '../../app/auth';
import { useT } from '../../i18n/i18n-context';
import { download } from '../../ui/api';
import { ErrorAlert, showError } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { useIsMobile } from '../../ui/use-is-mobile';
import { useLatestPointsDay, useRankings, type RankingLevel, type RankingRow } from './work-hooks';

type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** The inclusive dates of a period: a month, a quarter, a year, or a custom range. */
function periodOf(kind: PeriodKind, anchor: Dayjs, custom: [Dayjs, Dayjs] | null): { from: string; to: string } {
  if (kind === 'custom' && custom) return { from: custom[0].format('YYYY-MM-DD'), to: custom[1].format('YYYY-MM-DD') };
  if (kind === 'month') return { from: anchor.startOf('month').format('YYYY-MM-DD'), to: anchor.endOf('month').format('YYYY-MM-DD') };
  if (kind === 'quarter') {
    const q = Math.floor(anchor.month() / 3);
    const start = anchor.month(q * 3).startOf('month');
    return { from: start.format('YYYY-MM-DD'), to: start.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
  }
  return { from: anchor.startOf('year').format('YYYY-MM-DD'), to: anchor.endOf('year').format('YYYY-MM-DD') };
}

/** The day the page opens on: today, or the latest entry's day when this year has none yet. */
function openingAnchor(latestDay: string | null): Dayjs {
  const today = dayjs();
  return latestDay && dayjs(latestDay).isBefore(today.startOf('year')) ? dayjs(latestDay) : today;
}

/** Rankings for any period: members, branches, villages/communities (total and per member) and 六个一 completion. */
export default function RankingsPage() {
  const t = useT();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const [kind, setKind] = useState<PeriodKind>('year');
  // Until the user picks a period the page follows the records: a street whose latest entry is from an earlier
  // year opens on that year rather than on an empty current one.
  const [picked, setAnchor] = useState<Dayjs | null>(null);
  const latest = useLatestPointsDay();
  const anchor = picked ?? openingAnchor(latest.data?.latestDay ?? null);
  const [custom, setCustom] = useState<[Dayjs, Dayjs] | null>(null);
  const [level, setLevel] = useState<RankingLevel>('member');
  const [page, setPage] = useState(1);
  const period = useMemo(() => periodOf(kind, anchor, custom), [kind, anchor, custom]);
  const q = useRankings({ ...period, level, page }, picked !== null || !latest.isPending);
  const quarter = Math.floor(anchor.month() / 3) + 1;

  const columns = [
    { title: t('points.rankings.rank'), dataIndex: 'rank', width: 60 },
    { title: t('points.rankings.name'), dataIndex: 'name', render: (v: string, r: RankingRow) => (level === 'member' && r.orgName ? `${v}（${r.orgName}）` : v) },
    { title: t('points.rankings.total'), dataIndex: 'total', width: 90 },
    ...(level === 'member'
      ? [{ title: t('points.rankings.categories'), dataIndex: 'categories', width: 90, render: (v: number) => `${v}/6` }]
      : [
          { title: t('points.rankings.members'), dataIndex: 'members', width: 80 },
          { title: t('points.rankings.perMember'), dataIndex: 'perMember', width: 90 },
        ]),
  ];

  return (
    <div>
      <PageHeader
        title={t('points.rankings')}
        extra={
          can('points.export') ? (
            <Button onClick={() => download(`/api/points/export/rankings.xlsx?from=${period.from}&to=${period.to}&level=${level}`).catch(showError)}>{t('points.rankings.export')}</Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex wrap gap={8} align="center">
          <Segmented<PeriodKind>
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={(['month', 'quarter', 'year', 'custom'] as const).map((k) => ({ value: k, label: t(`points.rankings.${k}`) }))}
          />
          {kind === 'custom' ? (
            <DatePicker.RangePicker value={custom} onChange={(v) => v?.[0] && v[1] && setCustom([v[0], v[1]])} style={{ width: isMobile ? '100%' : undefined }} />
          ) : (
            <Space wrap>
              <DatePicker picker={kind === 'month' ? 'month' : 'year'} value={anchor} allowClear={false} onChange={(v) => v && setAnchor(v)} />
              {kind === 'quarter' ? (
                <Select value={quarter} style={{ width: 90 }} onChange={(n) => setAnchor(anchor.month((n - 1) * 3))} options={[1, 2, 3, 4].map((n) => ({ value: n, label: `Q${n}` }))} />
              ) : null}
            </Space>
          )}
          <span data-testid="ranking-period">{`${period.from} – ${period.to}`}</span>
        </Flex>
      </Card>
      <ErrorAlert error={q.error} />
      <Flex wrap gap={12} style={{ marginBottom: 12 }}>
        <Card size="small">
          <Statistic title={t('points.rankings.streetTotal')} value={q.data?.summary.points ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('points.rankings.perMember')} value={q.data?.summary.perMember ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('points.rankings.completedAllSix')} value={q.data?.summary.completedAllSix ?? 0} suffix={`/ ${q.data?.summary.members ?? 0}`} data-testid="ranking-all-six" />
        </Card>
      </Flex>
      <Tabs
        activeKey={level}
        onChange={(k) => {
          setLevel(k as RankingLevel);
          setPage(1);
        }}
        items={(['member', 'branch', 'unit'] as const).map((k) => ({ key: k, label: t(`points.rankings.${k}`) }))}
      />
      <Table<RankingRow>
        rowKey="id"
        size="small"
        loading={q.isFetching || (picked === null && latest.isPending)}
        dataSource={q.data?.items ?? []}
        columns={columns}
        pagination={{ current: page, pageSize: 50, total: q.data?.total ?? 0, onChange: setPage, showSizeChanger: false, size: isMobile ? 'small' : undefined }}
      />
    </div>
  );
}
