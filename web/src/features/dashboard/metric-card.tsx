import { Card, Statistic, Tooltip, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/i18n-context';
import { formatValue, type ComputedMetric, type PeriodParams } from './hooks';
import { periodQueryString } from './use-period-params';

/** One figure: its definition and version on hover, its records on click. */
export function MetricCard({ metric, params }: { metric: ComputedMetric; params: PeriodParams }) {
  const t = useT();
  const navigate = useNavigate();
  const open = () => navigate(`/dashboard/metrics/${encodeURIComponent(metric.id)}?${periodQueryString(params)}`);
  const tip = (
    <div>
      <div>{metric.definition}</div>
      <div>
        {t('dashboard.version', { version: metric.version })} · {t('dashboard.clickHint')}
      </div>
    </div>
  );
  return (
    <Tooltip title={tip}>
      <Card size="small" hoverable onClick={open} data-metric={metric.id} className="gj-metric-card" role="button" aria-label={metric.name}>
        <Statistic
          title={metric.name}
          value={metric.error ? t('dashboard.error') : formatValue(metric)}
          suffix={metric.unit === '%' || metric.error ? undefined : metric.unit}
        />
        {metric.kind === 'ratio' && metric.numerator !== null && metric.denominator !== null ? (
          <Typography.Text type="secondary">{t('dashboard.fraction', { numerator: metric.numerator, denominator: metric.denominator })}</Typography.Text>
        ) : null}
      </Card>
    </Tooltip>
  );
}
