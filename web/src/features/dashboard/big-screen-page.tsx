import type { EChartsOption } from 'echarts';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { Chart } from '../../ui/chart';
import { GridMapChart } from './grid-map-chart';
import { formatValue, useByOrg, useGridMap, useOverview, useTrend, type ComputedMetric } from './hooks';
import { periodQueryString, usePeriodParams } from './use-period-params';

const REFRESH_MS = 60_000;
const text = '#d6e4ff';
const accent = '#ffd666';
const panelStyle = { background: 'rgba(16, 42, 90, 0.65)', border: '1px solid #1d4ed8', borderRadius: 6, padding: 12, minHeight: 0, overflow: 'hidden' } as const;

function Panel({ title, children, name, ready = true }: { title: string; children: ReactNode; name: string; ready?: boolean }) {
  return (
    <section style={panelStyle} data-panel={name} data-ready={ready ? 'true' : 'false'}>
      <h2 style={{ color: accent, fontSize: 18, margin: '0 0 8px' }}>{title}</h2>
      {children}
    </section>
  );
}

function Figure({ m, onOpen }: { m: ComputedMetric; onOpen: (id: string) => void }) {
  return (
    <button
      type="button"
      title={`${m.definition}（口径 v${m.version}）`}
      data-metric={m.id}
      onClick={() => onOpen(m.id)}
      style={{ background: 'transparent', border: 'none', color: text, textAlign: 'left', cursor: 'pointer', padding: '4px 0', width: '100%' }}
    >
      <div style={{ fontSize: 13, opacity: 0.8 }}>{m.name}</div>
      <div style={{ fontSize: 26, fontWeight: 700, color: '#fff', fontVariantNumeric: 'tabular-nums' }}>
        {formatValue(m)}
        <span style={{ fontSize: 13, marginLeft: 4, opacity: 0.7 }}>{m.unit === '%' ? '' : m.unit}</span>
      </div>
    </button>
  );
}

const darkAxis = { axisLabel: { color: text }, axisLine: { lineStyle: { color: '#3b5998' } }, splitLine: { lineStyle: { color: '#1e3a6e' } } };

/** 数据大屏: 1920×1080, dark, refreshes itself every minute; every figure opens its records. */
export default function BigScreenPage() {
  const t = useT();
  const navigate = useNavigate();
  const [params] = usePeriodParams();
  const overview = useOverview(params, REFRESH_MS);
  const metrics = overview.data?.metrics ?? [];
  const has = (id: string) => metrics.some((m) => m.id === id);
  const rankId = has('hazards.found') ? 'hazards.found' : (metrics.find((m) => m.kind === 'count')?.id ?? null);
  const trendId = has('points.households_visited') ? 'points.households_visited' : rankId;
  const ranking = useByOrg(overview.data ? rankId : null, { ...params, per: 'household' }, REFRESH_MS);
  const trend = useTrend(overview.data ? trendId : null, params, REFRESH_MS);
  const gridMap = useGridMap(params, REFRESH_MS);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const open = (id: string) => navigate(`/dashboard/metrics/${encodeURIComponent(id)}?${periodQueryString(params)}`);

  const groups = useMemo(() => {
    const map = new Map<string, ComputedMetric[]>();
    for (const m of metrics) map.set(m.group, [...(map.get(m.group) ?? []), m]);
    return [...map.entries()];
  }, [metrics]);

  const orgPie: EChartsOption = useMemo(() => {
    const parts = metrics.filter((m) => m.group === '组织体系' && !m.id.includes('grassroots') && (m.value ?? 0) > 0);
    return {
      tooltip: { trigger: 'item' },
      legend: { bottom: 0, textStyle: { color: text } },
      series: [{ type: 'pie', radius: ['35%', '65%'], label: { color: text }, data: parts.map((m) => ({ name: m.name, value: m.value ?? 0, id: m.id })) }],
    };
  }, [metrics]);
  const rankOption: EChartsOption = useMemo(() => {
    const items = [...(ranking.data?.items ?? [])].slice(0, 12).reverse();
    return {
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', ...darkAxis },
      yAxis: { type: 'category', data: items.map((i) => i.name), ...darkAxis },
      series: [{ type: 'bar', data: items.map((i) => i.normalised), itemStyle: { color: '#f5222d' } }],
    };
  }, [ranking.data]);
  const trendOption: EChartsOption = useMemo(
    () => ({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: (trend.data?.items ?? []).map((i) => i.month), ...darkAxis },
      yAxis: { type: 'value', ...darkAxis },
      series: [{ type: 'line', smooth: true, areaStyle: { opacity: 0.2 }, data: (trend.data?.items ?? []).map((i) => i.value), itemStyle: { color: accent } }],
    }),
    [trend.data],
  );
  const rankMetric = metrics.find((m) => m.id === rankId);
  const trendMetric = metrics.find((m) => m.id === trendId);
  return (
    <div
      data-testid="big-screen"
      style={{ minWidth: 1280, minHeight: '100vh', background: 'radial-gradient(circle at top, #0b2a5b, #020b1f)', color: text, padding: 16, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', gap: 12 }}
    >
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <button type="button" onClick={() => navigate(`/dashboard?${periodQueryString(params)}`)} style={{ background: 'transparent', color: text, border: '1px solid #3b5998', borderRadius: 4, padding: '4px 12px', cursor: 'pointer' }}>
          {t('dashboard.screen.exit')}
        </button>
        <h1 style={{ color: '#fff', fontSize: 30, letterSpacing: 4, margin: 0 }}>{t('dashboard.screen.title', { org: overview.data?.org.name ?? '' })}</h1>
        <div style={{ textAlign: 'right' }}>
          <div>{overview.data?.period.label}</div>
          <div style={{ opacity: 0.7, fontSize: 12 }}>{t('dashboard.screen.updated', { time: now.toLocaleTimeString('zh-CN', { hour12: false }) })}</div>
        </div>
      </header>
      <div style={{ flex: 1, display: 'grid', gridTemplateColumns: '1fr 1.3fr 1fr', gap: 12 }}>
        <div style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
          {groups.slice(0, Math.ceil(groups.length / 2)).map(([g, items]) => (
            <Panel key={g} title={g} name={g}>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4 }}>
                {items.map((m) => (
                  <Figure key={m.id} m={m} onOpen={open} />
                ))}
              </div>
            </Panel>
          ))}
        </div>
        <div style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
          <Panel title={t('dashboard.screen.orgs')} name="orgs-chart">
            <Chart option={orgPie} height={300} onClick={(p) => { const m = metrics.find((x) => x.name === p.name); if (m) open(m.id); }} />
          </Panel>
          <Panel title={`${t('dashboard.gridMap')} · ${t('dashboard.map.openHazards')} ${gridMap.data?.openHazards ?? ''}`} name="grid-map" ready={Boolean(gridMap.data)}>
            <GridMapChart data={gridMap.data} theme="dark" height={300} />
          </Panel>
          <Panel title={`${t('dashboard.trend')} · ${trendMetric?.name ?? ''}`} name="trend" ready={Boolean(trend.data)}>
            <Chart option={trendOption} height={220} />
          </Panel>
        </div>
        <div style={{ display: 'grid', gap: 12, alignContent: 'start' }}>
          <Panel title={`${t('dashboard.ranking')} · ${rankMetric?.name ?? ''}（${t('dashboard.ranking.per.household')}）`} name="ranking" ready={Boolean(ranking.data)}>
            <Chart option={rankOption} height={320} />
          </Panel>
          {groups.slice(Math.ceil(groups.length / 2)).map(([g, items]) => (
            <Panel key={g} title={g} name={g}>
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 4 }}>
                {items.map((m) => (
                  <Figure key={m.id} m={m} onOpen={open} />
                ))}
              </div>
            </Panel>
          ))}
        </div>
      </div>
    </div>
  );
}
