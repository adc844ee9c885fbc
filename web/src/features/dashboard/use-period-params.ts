import { useSearchParams } from 'react-router';
import type { PeriodParams } from './hooks';

/** Period and unit live in the URL, so a figure's link, the big screen and printing share them. */
export function usePeriodParams(): [PeriodParams, (next: PeriodParams) => void] {
  const [search, setSearch] = useSearchParams();
  const params: PeriodParams = { period: search.get('period') ?? String(new Date().getFullYear()), orgId: search.get('orgId') ?? undefined };
  const set = (next: PeriodParams) => {
    const s = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) {
      if (v) s.set(k, v);
      else s.delete(k);
    }
    setSearch(s, { replace: true });
  };
  return [params, set];
}

export function periodQueryString(p: PeriodParams): string {
  const s = new URLSearchParams();
  if (p.period) s.set('period', p.period);
  if (p.orgId) s.set('orgId', p.orgId);
  return s.toString();
}
