import { useSearchParams } from 'react-router';
import { useDefaultPeriod, type PeriodParams } from './hooks';

/**
 * Period and unit live in the URL, so a figure's link, the big screen and printing share them.
 * With no period in the URL the page opens on the latest year the street's registers cover (asked of
 * the server; the current year if it cannot say); `period` is undefined until that answer is in.
 */
export function usePeriodParams(): [PeriodParams, (next: PeriodParams) => void] {
  const [search, setSearch] = useSearchParams();
  const inUrl = search.get('period');
  const orgId = search.get('orgId') ?? undefined;
  const fallback = useDefaultPeriod(orgId, inUrl === null);
  const period = inUrl ?? (fallback.data?.period ?? (fallback.isError ? String(new Date().getFullYear()) : undefined));
  const params: PeriodParams = { period, orgId };
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
