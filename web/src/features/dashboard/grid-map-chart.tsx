import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemParams, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-context';
import { Chart } from '../../ui/chart';
import type { GridMap } from './hooks';

type Theme = 'light' | 'dark';

const palette = {
  light: { outline: '#8c8c8c', calm: 'rgba(24, 144, 255, 0.08)', busy: 'rgba(200, 16, 46, 0.35)', hazard: '#fa541c', overdue: '#a8071a', label: '#262626' },
  dark: { outline: '#3b82f6', calm: 'rgba(64, 169, 255, 0.10)', busy: 'rgba(245, 34, 45, 0.45)', hazard: '#ffd666', overdue: '#ff4d4f', label: '#d6e4ff' },
} as const;

/** Grid outlines shaded by their open hazards, with the open hazards as points: plain lng/lat axes, no map tiles. */
export function GridMapChart({ data, theme = 'light', height = 320 }: { data: GridMap | undefined; theme?: Theme; height?: number }) {
  const t = useT();
  const option: EChartsOption = useMemo(() => {
    const c = palette[theme];
    const grids = (data?.items ?? []).filter((g) => g.polygons.length > 0 || (g.lat !== null && g.lng !== null));
    const most = Math.max(1, ...grids.map((g) => g.openHazards));
    const renderGrid = (params: CustomSeriesRenderItemParams, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
      const g = grids[params.dataIndex];
      if (!g) return { type: 'group', children: [] };
      const share = g.openHazards / most;
      return {
        type: 'group',
        children: g.polygons.map((ring) => ({
          type: 'polygon',
          shape: { points: ring.map((p) => api.coord(p)) },
          style: { fill: g.openHazards > 0 ? c.busy.replace(/[\d.]+\)$/, `${(0.12 + 0.4 * share).toFixed(2)})`) : c.calm, stroke: c.outline, lineWidth: 1 },
        })),
      };
    };
    const gridTip = (i: number) => {
      const g = grids[i];
      return g ? `${g.orgName} ${g.name}<br/>${t('dashboard.households')} ${g.households} · ${t('dashboard.map.openHazards')} ${g.openHazards}` : '';
    };
    return {
      grid: { left: 4, right: 4, top: 4, bottom: 24 },
      xAxis: { type: 'value', scale: true, show: false },
      yAxis: { type: 'value', scale: true, show: false },
      legend: { bottom: 0, textStyle: { color: c.label }, data: [t('dashboard.map.grids'), t('dashboard.map.hazards'), t('dashboard.map.overdue')] },
      tooltip: { trigger: 'item' },
      series: [
        {
          type: 'custom',
          name: t('dashboard.map.grids'),
          renderItem: renderGrid,
          data: grids.map((g) => (g.polygons[0]?.[0] ?? [g.lng ?? 0, g.lat ?? 0]) as [number, number]),
          tooltip: { formatter: (p: unknown) => gridTip((p as { dataIndex: number }).dataIndex) },
          z: 1,
        },
        {
          type: 'scatter',
          name: t('dashboard.map.hazards'),
          symbolSize: 7,
          itemStyle: { color: c.hazard },
          data: (data?.hazards ?? []).filter((h) => !h.overdue).map((h) => ({ name: h.reportedDate, value: [h.lng, h.lat] })),
          z: 3,
        },
        {
          type: 'scatter',
          name: t('dashboard.map.overdue'),
          symbol: 'diamond',
          symbolSize: 11,
          itemStyle: { color: c.overdue },
          data: (data?.hazards ?? []).filter((h) => h.overdue).map((h) => ({ name: h.reportedDate, value: [h.lng, h.lat] })),
          z: 4,
        },
      ],
    };
  }, [data, theme, t]);
  return (
    <div data-testid="grid-map" data-grids={data?.items.length ?? 0} data-open-hazards={data?.openHazards ?? 0}>
      <Chart option={option} height={height} />
    </div>
  );
}
