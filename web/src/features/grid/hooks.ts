import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, api } from '../../ui/api';

export type HazardCategory = 'fire' | 'production' | 'construction' | 'gas' | 'public_order' | 'sanitation' | 'environment' | 'traffic' | 'other';
export const hazardCategories: HazardCategory[] = ['fire', 'production', 'construction', 'gas', 'public_order', 'sanitation', 'environment', 'traffic', 'other'];
export type HazardSeverity = 'general' | 'major' | 'serious';
export type HazardStatus = 'pending' | 'fixed' | 'rectifying' | 'closed' | 'merged';
export type RectificationState = 'open' | 'assigned' | 'rectifying' | 'awaiting_verification' | 'closed';
export type RectificationAction = 'open' | 'assign' | 'start' | 'submit' | 'verify' | 'return' | 'reopen' | 'request_extension' | 'approve_extension' | 'reject_extension';

export interface Hazard {
  id: string;
  orgId: string;
  orgName: string;
  gridId: string | null;
  gridName: string | null;
  category: HazardCategory;
  severity: HazardSeverity;
  description: string;
  lat: number | null;
  lng: number | null;
  address: string;
  photoFileIds: string[];
  reporterName: string;
  reportedBy: string | null;
  reportedAt: string;
  reportCount: number;
  status: HazardStatus;
  fixNote: string;
  fixEvidenceFileIds: string[];
  rectificationItemId: string | null;
  rectificationState: RectificationState | null;
  deadline: string | null;
  overdue: boolean;
}
export interface NearbyHazard extends Hazard {
  distance: number;
}
export interface CreateHazardBody {
  category: HazardCategory;
  severity: HazardSeverity;
  description: string;
  lat?: number;
  lng?: number;
  address?: string;
  photoFileIds: string[];
}
export interface Figure {
  id: string;
  name: string;
  unit: string;
  kind: 'count' | 'sum' | 'ratio';
  value: number;
  numerator?: number;
  denominator?: number;
  reported: { value: number; text: string } | null;
}
export interface RectificationItem {
  id: string;
  sourceKind: string;
  sourceId: string;
  orgName: string;
  title: string;
  description: string;
  measures: string;
  responsibleName: string;
  state: RectificationState;
  startedAt: string;
  deadline: string;
  overdue: boolean;
  trafficLight: 'green' | 'yellow' | 'red' | 'none';
  workingDaysLeft: number | null;
  extensionCount: number;
  pendingExtension: { deadline: string; reason: string } | null;
  closedAt: string | null;
  closedOnTime: boolean | null;
}
export interface RectificationStep {
  id: string;
  action: RectificationAction;
  toState: RectificationState;
  actorName: string;
  note: string;
  evidenceFileIds: string[];
  at: string;
}
export interface RectificationDetail extends RectificationItem {
  steps: RectificationStep[];
  evidenceFileIds: string[];
  allowedActions: RectificationAction[];
}
export interface Grid {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  code: string;
  boundary: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] } | null;
  centerLat: number | null;
  centerLng: number | null;
  buildingCount: number;
  householdCount: number;
  staff: Array<{ userId: string; name: string; role: 'worker' | 'head' }>;
  groups: Array<{ orgId: string; name: string }>;
}
export interface MapHazard {
  id: string;
  lat: number;
  lng: number;
  category: HazardCategory;
  severity: HazardSeverity;
  description: string;
  overdue: boolean;
}
export interface OrgUnitLite {
  id: string;
  kind: string;
  name: string;
}

export interface HazardFilters {
  status?: HazardStatus;
  category?: HazardCategory;
  mine?: 'true';
  overdue?: 'true';
}

export const useHazards = (filters: HazardFilters) =>
  useInfiniteQuery({
    queryKey: ['hazards', 'list', filters],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => apiGet<{ items: Hazard[]; nextCursor: string | null }>('/api/hazards', { ...filters, pageSize: 20, cursor: pageParam || undefined }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
export const useHazard = (id: string | undefined) =>
  useQuery({ queryKey: ['hazards', 'one', id], enabled: Boolean(id), queryFn: ({ signal }) => apiGet<Hazard>(`/api/hazards/${id}`, undefined, signal) });
export const useHazardFigures = (from: string, to: string) =>
  useQuery({ queryKey: ['hazards', 'figures', from, to], queryFn: ({ signal }) => apiGet<{ orgName: string; figures: Figure[] }>('/api/hazards/figures', { from, to }, signal) });
export const useMapHazards = () => useQuery({ queryKey: ['hazards', 'map'], queryFn: ({ signal }) => apiGet<{ items: MapHazard[]; truncated: boolean }>('/api/hazards/map', undefined, signal) });
export const useGrids = () => useQuery({ queryKey: ['grids'], queryFn: ({ signal }) => apiGet<{ items: Grid[] }>('/api/places/grids', undefined, signal) });
export const useOrgTree = () => useQuery({ queryKey: ['orgs', 'tree'], queryFn: ({ signal }) => apiGet<{ items: OrgUnitLite[] }>('/api/orgs/tree', undefined, signal) });

export const findNearby = (category: HazardCategory, lat: number, lng: number) =>
  apiGet<{ items: NearbyHazard[] }>('/api/hazards/nearby', { category, lat, lng });

function useHazardMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['hazards'] });
      void qc.invalidateQueries({ queryKey: ['rectification'] });
    },
  });
}
export const useReportHazard = () => useHazardMutation((body: CreateHazardBody) => apiPost<Hazard>('/api/hazards', body));
export const useLinkHazard = () => useHazardMutation((v: { id: string; photoFileIds: string[] }) => apiPost<Hazard>(`/api/hazards/${v.id}/link`, { photoFileIds: v.photoFileIds }));
export const useFixNow = () => useHazardMutation((v: { id: string; note: string; evidenceFileIds: string[] }) => apiPost<Hazard>(`/api/hazards/${v.id}/fix-now`, { note: v.note, evidenceFileIds: v.evidenceFileIds }));
export const useFixByDeadline = () =>
  useHazardMutation((v: { id: string; orgId: string; responsibleName: string; measures: string; workingDays: number }) =>
    apiPost<Hazard>(`/api/hazards/${v.id}/deadline`, { orgId: v.orgId, responsibleName: v.responsibleName, measures: v.measures, deadline: { workingDays: v.workingDays } }),
  );

export interface RectificationFilters {
  state?: RectificationState;
  overdue?: 'true';
  page: number;
}
export const useRectificationItems = (f: RectificationFilters) =>
  useQuery({
    queryKey: ['rectification', 'list', f],
    queryFn: ({ signal }) => apiGet<{ items: RectificationItem[]; total: number; overdueCount: number }>('/api/rectification/items', { ...f, pageSize: 20 }, signal),
  });
export const useRectificationItem = (id: string | null) =>
  useQuery({ queryKey: ['rectification', 'one', id], enabled: Boolean(id), queryFn: ({ signal }) => apiGet<RectificationDetail>(`/api/rectification/items/${id}`, undefined, signal) });

const actionPaths: Partial<Record<RectificationAction, string>> = {
  assign: 'assign',
  start: 'start',
  submit: 'submit',
  verify: 'verify',
  return: 'return',
  reopen: 'reopen',
  request_extension: 'extension',
  approve_extension: 'extension/approve',
  reject_extension: 'extension/reject',
};
export const useRectificationAction = () =>
  useHazardMutation((v: { id: string; action: RectificationAction; body: Record<string, unknown> }) =>
    api<RectificationDetail>(`/api/rectification/items/${v.id}/${actionPaths[v.action] ?? v.action}`, { method: 'POST', body: v.body }),
  );
