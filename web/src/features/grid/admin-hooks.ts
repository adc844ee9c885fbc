import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDelete, apiGet, apiPost } from '../../ui/api';
import type { Grid } from './hooks';

export interface Building {
  id: string;
  gridId: string;
  name: string;
  address: string;
  groupOrgId: string | null;
  groupName: string | null;
}
export interface StaffCandidate {
  userId: string;
  name: string;
  roles: string[];
  scopeName: string;
}
export interface GroupCandidate {
  orgId: string;
  name: string;
}
export type CalendarKind = 'holiday' | 'workday';
export interface CalendarDay {
  day: string;
  kind: CalendarKind;
  name: string;
}
export interface CalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
  overrides: CalendarDay[];
}
export interface Open311Key {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const g = (id: string) => `/api/places/grids/${encodeURIComponent(id)}`;

export const useGrid = (id: string | null) =>
  useQuery({ queryKey: ['grids', 'one', id], enabled: Boolean(id), queryFn: ({ signal }) => apiGet<Grid>(g(id ?? ''), undefined, signal) });
export const useBuildings = (gridId: string | null) =>
  useQuery({ queryKey: ['grids', 'buildings', gridId], enabled: Boolean(gridId), queryFn: ({ signal }) => apiGet<{ items: Building[] }>(`${g(gridId ?? '')}/buildings`, undefined, signal) });
export const useStaffCandidates = (gridId: string | null) =>
  useQuery({ queryKey: ['grids', 'staff-candidates', gridId], enabled: Boolean(gridId), queryFn: ({ signal }) => apiGet<{ items: StaffCandidate[] }>(`${g(gridId ?? '')}/staff-candidates`, undefined, signal) });
export const useGroupCandidates = (gridId: string | null) =>
  useQuery({ queryKey: ['grids', 'group-candidates', gridId], enabled: Boolean(gridId), queryFn: ({ signal }) => apiGet<{ items: GroupCandidate[] }>(`${g(gridId ?? '')}/group-candidates`, undefined, signal) });

function useGridMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['grids'] }) });
}
export const useCreateGrid = () => useGridMutation((body: { orgId: string; name: string; code: string }) => apiPost<Grid>('/api/places/grids', body));
/** `geojson` is the file's text; the server parses and checks it. */
export const useUploadBoundary = () => useGridMutation((v: { id: string; geojson: string }) => api<Grid>(`${g(v.id)}/boundary`, { method: 'PUT', body: { geojson: v.geojson } }));
export const useUploadBoundaries = () => useGridMutation((geojson: string) => api<{ items: Grid[] }>('/api/places/boundaries', { method: 'PUT', body: { geojson } }));
export const useAssignStaff = () => useGridMutation((v: { id: string; userId: string; role: 'worker' | 'head' }) => apiPost<Grid>(`${g(v.id)}/staff`, { userId: v.userId, role: v.role }));
export const useRemoveStaff = () => useGridMutation((v: { id: string; userId: string }) => apiDelete<Grid>(`${g(v.id)}/staff/${encodeURIComponent(v.userId)}`));
export const useLinkGroup = () => useGridMutation((v: { id: string; groupOrgId: string }) => apiPost<Grid>(`${g(v.id)}/groups`, { groupOrgId: v.groupOrgId }));
export const useUnlinkGroup = () => useGridMutation((v: { id: string; groupOrgId: string }) => apiDelete<Grid>(`${g(v.id)}/groups/${encodeURIComponent(v.groupOrgId)}`));
export const useSetBuildingGroup = () =>
  useGridMutation((v: { buildingId: string; groupOrgId: string | null }) => api<null>(`/api/places/buildings/${encodeURIComponent(v.buildingId)}/group`, { method: 'PUT', body: { groupOrgId: v.groupOrgId } }));

export const useCalendarYear = (year: number) =>
  useQuery({ queryKey: ['calendar', year], queryFn: ({ signal }) => apiGet<CalendarYear>('/api/rectification/calendar', { year }, signal) });
function useCalendarMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['calendar'] }) });
}
export const useSetCalendarDay = () =>
  useCalendarMutation((v: CalendarDay) => api<CalendarDay>(`/api/rectification/calendar/${v.day}`, { method: 'PUT', body: { kind: v.kind, name: v.name } }));
export const useResetCalendarDay = () => useCalendarMutation((day: string) => apiDelete<null>(`/api/rectification/calendar/${day}`));

export const useOpen311Keys = () => useQuery({ queryKey: ['open311-keys'], queryFn: ({ signal }) => apiGet<{ items: Open311Key[] }>('/api/hazards/open311-keys', undefined, signal) });
function useKeyMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['open311-keys'] }) });
}
export const useCreateOpen311Key = () => useKeyMutation((name: string) => apiPost<Open311Key & { apiKey: string }>('/api/hazards/open311-keys', { name }));
export const useRevokeOpen311Key = () => useKeyMutation((id: string) => apiDelete<null>(`/api/hazards/open311-keys/${encodeURIComponent(id)}`));
