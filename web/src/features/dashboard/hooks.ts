import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../ui/api';

export interface PeriodParams {
  period?: string;
  orgId?: string;
}

export interface MetricInfo {
  id: string;
  name: string;
  definition: string;
  unit: string;
  version: number;
  kind: 'count' | 'sum' | 'ratio';
  group: string;
  module: string;
  reported: { value: number; text: string } | null;
}

export interface ComputedMetric extends MetricInfo {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  error: string | null;
}

export interface Overview {
  period: { label: string; from: string; to: string };
  org: { id: string; name: string; kind: string };
  metrics: ComputedMetric[];
}

export interface MetricRecords {
  metric: MetricInfo;
  period: { label: string };
  columns: Array<{ key: string; title: string }>;
  items: Array<Record<string, string | number | boolean | null>>;
  total: number;
  page: number;
  pageSize: number;
}

export interface ByOrg {
  items: Array<{ orgId: string; name: string; value: number; base: number | null; normalised: number }>;
}

export interface ExportJob {
  id: string;
  target: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  rowsDone: number;
  rowsTotal: number | null;
  fileName: string;
  error: string | null;
  downloadUrl: string | null;
}

const key = ['dashboard'] as const;

export function useOverview(p: PeriodParams, refetchInterval?: number) {
  return useQuery({
    queryKey: [...key, 'overview', p],
    queryFn: ({ signal }) => apiGet<Overview>('/api/dashboard/overview', { ...p }, signal),
    enabled: p.period !== undefined,
    refetchInterval,
  });
}

export function useMetricRecords(id: string, p: PeriodParams & { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'records', id, p],
    queryFn: ({ signal }) => apiGet<MetricRecords>(`/api/dashboard/metrics/${encodeURIComponent(id)}/records`, { ...p }, signal),
    enabled: p.period !== undefined,
  });
}

export function useByOrg(id: string | null, p: PeriodParams & { per: 'none' | 'member' | 'household' }, refetchInterval?: number) {
  return useQuery({
    queryKey: [...key, 'by-org', id, p],
    queryFn: ({ signal }) => apiGet<ByOrg>(`/api/dashboard/metrics/${encodeURIComponent(String(id))}/by-org`, { ...p }, signal),
    enabled: id !== null && p.period !== undefined,
    refetchInterval,
  });
}

export function useTrend(id: string | null, p: PeriodParams, refetchInterval?: number) {
  return useQuery({
    queryKey: [...key, 'trend', id, p],
    queryFn: ({ signal }) => apiGet<{ items: Array<{ month: string; value: number }> }>(`/api/dashboard/metrics/${encodeURIComponent(String(id))}/trend`, { ...p }, signal),
    enabled: id !== null && p.period !== undefined,
    refetchInterval,
  });
}

export interface GridMap {
  items: Array<{ id: string; name: string; orgName: string; lat: number | null; lng: number | null; polygons: Array<Array<[number, number]>>; households: number; openHazards: number }>;
  hazards: Array<{ id: string; gridId: string | null; lat: number; lng: number; category: string; severity: string; reportedDate: string; overdue: boolean }>;
  openHazards: number;
}

/** Grid outlines and open hazards now (not per period): the unit picker narrows it. */
export function useGridMap(p: PeriodParams, refetchInterval?: number) {
  return useQuery({
    queryKey: [...key, 'grid-map', p.orgId ?? null],
    queryFn: ({ signal }) => apiGet<GridMap>('/api/dashboard/grid-map', { orgId: p.orgId }, signal),
    refetchInterval,
  });
}

/** The year the dashboard opens on when the URL names none: the latest year the street's registers cover. */
export function useDefaultPeriod(orgId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: [...key, 'default-period', orgId ?? null],
    queryFn: ({ signal }) => apiGet<{ period: string; label: string; latestRecordDate: string | null }>('/api/dashboard/default-period', { orgId }, signal),
    enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export interface ReportItem {
  id: string;
  name: string;
  group: string;
  unit: string;
  version: number;
  definition: string;
  reportedValue: number;
  reportedText: string;
  computed: number | null;
}

export function useReport(p: PeriodParams) {
  return useQuery({
    queryKey: [...key, 'report', p],
    queryFn: ({ signal }) => apiGet<{ period: { label: string }; org: { name: string }; items: ReportItem[] }>('/api/dashboard/report', { ...p }, signal),
    enabled: p.period !== undefined,
  });
}

export interface SnapshotSummary {
  id: string;
  title: string;
  orgName: string;
  period: { label: string };
  createdAt: string;
  metricCount: number;
}

export function useSnapshots() {
  return useQuery({
    queryKey: [...key, 'snapshots'],
    queryFn: ({ signal }) => apiGet<{ items: SnapshotSummary[]; total: number }>('/api/dashboard/snapshots', { pageSize: 20 }, signal),
  });
}

export function useCreateSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodParams & { title: string }) => apiPost<{ id: string }>('/api/dashboard/snapshots', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...key, 'snapshots'] }),
  });
}

export function useLedgers() {
  return useQuery({
    queryKey: ['ledgers'],
    queryFn: ({ signal }) => apiGet<{ items: Array<{ id: string; name: string; module: string }> }>('/api/ledgers', undefined, signal),
  });
}

export function useExportJobs() {
  return useQuery({
    queryKey: ['ledgers', 'exports'],
    queryFn: ({ signal }) => apiGet<{ items: ExportJob[] }>('/api/ledgers/exports', undefined, signal),
    // Poll while a job is running: the progress bar follows the job row in the database.
    refetchInterval: (q) => (q.state.data?.items.some((j) => j.state === 'queued' || j.state === 'running') ? 1500 : false),
  });
}

export function useStartExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PeriodParams & { target: string }) => apiPost<ExportJob>('/api/ledgers/exports', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['ledgers', 'exports'] }),
  });
}

export interface InboxItem {
  kind: string;
  title: string;
  link: string;
  dueAt: string | null;
  severity: 'info' | 'warning' | 'overdue';
  count: number | null;
  escalated: boolean;
}

export function useInbox() {
  return useQuery({
    queryKey: ['inbox', 'list'],
    queryFn: ({ signal }) => apiGet<{ items: InboxItem[]; count: number }>('/api/inbox', undefined, signal),
  });
}

export function useScopeOrgs() {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: ({ signal }) => apiGet<{ items: Array<{ id: string; name: string; kind: string; depth: number; parentId: string | null }> }>('/api/orgs/tree', undefined, signal),
  });
}

/** Formats a metric value with its unit: ratios as percentages. */
export function formatValue(m: { value: number | null; unit: string }): string {
  if (m.value === null) return '—';
  return `${m.value.toLocaleString('zh-CN')}${m.unit === '%' ? '%' : ''}`;
}
