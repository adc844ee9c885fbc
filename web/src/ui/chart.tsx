import { Skeleton } from 'antd';
import type { ECharts, EChartsOption } from 'echarts';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';

export interface ChartProps {
  option: EChartsOption;
  height?: number | string;
  /** Called with the series item a user clicks, for drill-down. */
  onClick?: (params: { name: string; seriesName?: string; value: unknown; dataIndex: number }) => void;
}

/**
 * The only ECharts wrapper. ECharts is imported lazily here, so it is downloaded only by pages
 * that draw a chart; under automation (navigator.webdriver) animation is off so screenshots are stable.
 */
export function Chart({ option, height = 320, onClick }: ChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<ECharts | null>(null);
  const { locale } = useI18n();

  useEffect(() => {
    let disposed = false;
    let instance: ECharts | null = null;
    let observer: ResizeObserver | null = null;
    void import('echarts').then((echarts) => {
      if (disposed || !container.current) return;
      instance = echarts.init(container.current, undefined, { renderer: 'canvas', locale: locale === 'zh' ? 'ZH' : 'EN' });
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(container.current);
      setChart(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      setChart(null);
    };
  }, [locale]);

  useEffect(() => {
    if (!chart) return;
    const animation = typeof navigator !== 'undefined' && navigator.webdriver ? false : option.animation;
    chart.setOption({ ...option, animation }, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onClick) return;
    const handler = (params: unknown) => {
      const item = params as { name?: string; seriesName?: string; value?: unknown; dataIndex?: number };
      onClick({ name: item.name ?? '', seriesName: item.seriesName, value: item.value, dataIndex: item.dataIndex ?? 0 });
    };
    chart.on('click', handler);
    return () => {
      chart.off('click', handler);
    };
  }, [chart, onClick]);

  return (
    <div style={{ position: 'relative', width: '100%', height }}>
      <div ref={container} style={{ width: '100%', height: '100%' }} />
      {chart ? null : (
        <div style={{ position: 'absolute', inset: 0 }}>
          <Skeleton active />
        </div>
      )}
    </div>
  );
}
