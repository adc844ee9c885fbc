import { FundProjectionScreenOutlined, PrinterOutlined, ReloadOutlined, SolutionOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Segmented, Select, Skeleton, Typography } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { Chart } from '../../ui/chart';
import { ErrorAlert } from '../../ui/error-alert';
import { PageHeader } from '../../ui/page-header';
import { GridMapChart } from './grid-map-chart';
import { useByOrg, useGridMap, useOverview, useTrend, type ComputedMetric } from './hooks';
import { MetricCard } from './metric-card';
import { PeriodControls } from './period-controls';
import { periodQueryString, usePeriodParams } from './use-period-params';
import './dashboard-print.css';

type Per = 'none' | 'member' | 'household';

export default function DashboardPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params, setParams] = usePeriodParams();
  const overview = useOverview(params);
  const metrics = overview.data?.metrics ?? [];
  const groups = useMemo(() => {
    const map = new Map<string, ComputedMetric[]>();
    for (const m of metrics) map.set(m.group, [...(map.get(m.group) ?? []), m]);
    return [...map.entries()];
  }, [metrics]);
  const countable = metrics.filter((m) => m.kind !== 'ratio');
  const [chosen, setChosen] = useState<string | null>(null);
  const metricId = chosen ?? countable.find((m) => m.id === 'points.households_visited')?.id ?? countable[0]?.id ?? null;
  const [per, setPer] = useState<Per>('member');
  const ranking = useByOrg(metricId, { ...params, per });
  const trend = useTrend(metricId, params);
  const gridMap = useGridMap(params);

  const rankingOption: EChartsOption = useMemo(() => {
    const items = [...(ranking.data?.items ?? [])].reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', name: t(`dashboard.ranking.per.${per}`), data: items.map((i) => i.normalised), itemStyle: { color: '#c8102e' } }],
    };
  }, [ranking.data, per, t]);
  const trendOption: EChartsOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: (trend.data?.items ?? []).map((i) => i.month) },
      yAxis: { type: 'value' },
      series: [{ type: 'line', smooth: true, data: (trend.data?.items ?? []).map((i) => i.value), itemStyle: { color: '#c8102e' } }],
    }),
    [trend.data],
  );

  return (
    <div>
      <PageHeader
        title={t('dashboard.title', { org: overview.data?.org.name ?? '' })}
        subtitle={overview.data ? `${t('dashboard.period')}：${overview.data.period.label}` : undefined}
        extra={
          <span className="gj-no-print" style={{ display: 'contents' }}>
            <PeriodControls value={params} onChange={setParams} />
            <Button icon={<ReloadOutlined />} onClick={() => void overview.refetch()} aria-label={t('dashboard.refresh')} />
            <Button icon={<FundProjectionScreenOutlined />} onClick={() => navigate(`/big-screen?${periodQueryString(params)}`)}>
              {t('dashboard.bigScreen')}
            </Button>
            <Button icon={<SolutionOutlined />} onClick={() => navigate(`/dashboard/report?${periodQueryString(params)}`)}>
              {t('dashboard.report')}
            </Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
              {t('dashboard.print')}
            </Button>
          </span>
        }
      />
      <ErrorAlert error={overview.error} style={{ marginBottom: 16 }} />
      {overview.isLoading ? <Skeleton active /> : null}
      {groups.map(([group, items]) => (
        <section key={group} className="gj-print-block" style={{ marginBottom: 16 }}>
          <Typography.Title level={5}>{group}</Typography.Title>
          <Row gutter={[12, 12]}>
            {items.map((m) => (
              <Col key={m.id} xs={12} sm={8} md={6} xl={4}>
                <MetricCard metric={m} params={params} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
      {metricId ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card
              className="gj-print-block"
              size="small"
              title={t('dashboard.ranking')}
              extra={<Segmented size="small" className="gj-no-print" value={per} onChange={(v) => setPer(v as Per)} options={(['none', 'member', 'household'] as const).map((p) => ({ value: p, label: t(`dashboard.ranking.per.${p}`) }))} />}
            >
              <Flex className="gj-no-print" style={{ marginBottom: 8 }}>
                <Select
                  aria-label={t('dashboard.metric')}
                  style={{ width: '100%' }}
                  value={metricId}
                  onChange={(v: string) => setChosen(v)}
                  options={countable.map((m) => ({ value: m.id, label: `${m.group} · ${m.name}` }))}
                />
              </Flex>
              <Chart option={rankingOption} height={Math.max(240, (ranking.data?.items.length ?? 0) * 22)} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card className="gj-print-block" size="small" title={t('dashboard.trend')}>
              <Chart option={trendOption} height={280} />
            </Card>
          </Col>
          <Col xs={24}>
            <Card className="gj-print-block" size="small" title={`${t('dashboard.gridMap')} · ${t('dashboard.map.openHazards')} ${gridMap.data?.openHazards ?? ''}`}>
              <GridMapChart data={gridMap.data} height={360} />
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
