import { Select } from 'antd';
import { useT } from '../../i18n/i18n-context';
import { useScopeOrgs, type PeriodParams } from './hooks';

const unitKinds = new Set(['street_committee', 'village', 'community', 'non_public', 'social_org']);

function periodOptions(t: (k: string, p?: Record<string, string | number>) => string) {
  const now = new Date().getFullYear();
  const out: Array<{ value: string; label: string }> = [];
  for (let y = now; y >= 2016; y--) {
    out.push({ value: String(y), label: t('dashboard.period.year', { year: y }) });
    if (y === 2018) for (const q of [1, 2, 3, 4]) out.push({ value: `2018-Q${q}`, label: `2018-Q${q}` });
  }
  return out;
}

/** Period and unit pickers; the unit list is the actor's own subtree (the server enforces it). */
export function PeriodControls({ value, onChange }: { value: PeriodParams; onChange: (p: PeriodParams) => void }) {
  const t = useT();
  const orgs = useScopeOrgs();
  const units = (orgs.data?.items ?? []).filter((o) => unitKinds.has(o.kind));
  return (
    <>
      <Select
        aria-label={t('dashboard.period')}
        style={{ minWidth: 120 }}
        value={value.period}
        options={periodOptions(t)}
        onChange={(period: string) => onChange({ ...value, period })}
      />
      {units.length > 1 ? (
        <Select
          aria-label={t('dashboard.org')}
          style={{ minWidth: 180 }}
          allowClear
          placeholder={t('dashboard.org')}
          value={value.orgId}
          showSearch={{ optionFilterProp: 'label' }}
          options={units.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(orgId?: string) => onChange({ ...value, orgId })}
        />
      ) : null}
    </>
  );
}
