import { Empty } from 'antd';
import type { EChartsOption } from 'echarts';
import { useMemo } from 'react';
import { useT } from '../../i18n/i18n-context';
import { Chart } from '../../ui/chart';
import { outerRings } from './boundary-rings';
import type { Grid } from './hooks';

/** One grid's uploaded boundary drawn on plain lng/lat axes, centred with a margin (no tile server needed). */
export function BoundaryPreview({ grid }: { grid: Pick<Grid, 'boundary' | 'name'> }) {
  const t = useT();
  const rings = outerRings(grid);
  const option = useMemo<EChartsOption>(() => {
    const points = rings.flat();
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    const span = Math.max(Math.max(...lngs) - Math.min(...lngs), Math.max(...lats) - Math.min(...lats)) * 0.6 || 0.001;
    const cx = (Math.max(...lngs) + Math.min(...lngs)) / 2;
    const cy = (Math.max(...lats) + Math.min(...lats)) / 2;
    return {
      animation: false,
      grid: { left: 8, right: 8, top: 8, bottom: 8 },
      xAxis: { type: 'value', min: cx - span, max: cx + span, axisLabel: { show: false }, splitLine: { show: false } },
      yAxis: { type: 'value', min: cy - span, max: cy + span, axisLabel: { show: false }, splitLine: { show: false } },
      series: rings.map((ring) => ({
        type: 'line' as const,
        name: grid.name,
        data: ring.map(([lng, lat]) => [lng, lat]),
        showSymbol: false,
        lineStyle: { width: 2, color: '#1677ff' },
        areaStyle: { opacity: 0.12, color: '#1677ff' },
      })),
    };
  }, [rings, grid.name]);
  if (rings.length === 0) return <Empty description={t('grid.admin.noBoundaryYet')} />;
  return (
    <div data-testid="boundary-preview">
      <Chart option={option} height={260} />
    </div>
  );
}
