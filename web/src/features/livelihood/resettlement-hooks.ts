import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPatch, apiPost, isApiError } from '../../ui/api';

const base = '/api/livelihood/resettlement';

export const milestoneKinds = ['piling', 'raft', 'topping_out', 'insulation', 'acceptance', 'certificates', 'online_contract', 'move_back'] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];

export interface ProjectInput {
  orgId: string;
  kind: 'resettlement' | 'upgrade';
  name: string;
  investmentFen: number;
  landAreaM2?: number;
  floorAreaM2?: number;
  sites: string[];
  completedAreaM2: number;
  note: string;
}
export interface ProjectPatch {
  name?: string;
  investmentFen?: number;
  auditState?: 'not_audited' | 'auditing' | 'audited';
  auditedFen?: number | null;
  landAreaM2?: number | null;
  floorAreaM2?: number | null;
  sites?: string[];
  completedAreaM2?: number;
  note?: string;
}

export interface PhaseUnit {
  id: string;
  label: string;
  buildingId: string;
  building: string;
  areaM2: number;
  allocatedTo: string | null;
  allocatedOn: string | null;
  contractSignedOn: string | null;
}

export interface ResettlementHousehold {
  id: string;
  householdId: string | null;
  headName: string;
  size: number;
  entitledUnits: number;
  movedBackOn: string | null;
  units: Array<{ id: string; label: string; building: string; contractSignedOn: string | null }>;
}

export interface VillageHousehold {
  id: string;
  headName: string;
  address: string;
  size: number;
}

export interface RateSettings {
  startedMilestone: MilestoneKind;
  startedWhen: 'started' | 'completed';
  contractBasis: 'allocated' | 'built';
  moveBackBasis: 'listed' | 'allocated';
  satisfiedMinRating: number;
  version: number;
  updatedAt: string | null;
}

/** Every resettlement write refreshes the project list, the open project and the street rates. */
function useResettlementMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['livelihood'] }) });
}

export const useCreateProject = () => useResettlementMutation((body: ProjectInput) => apiPost<{ id: string }>(`${base}/projects`, body));
export const useUpdateProject = (id: string) => useResettlementMutation((body: ProjectPatch) => apiPatch<null>(`${base}/projects/${id}`, body));
export const useCreatePhase = (projectId: string) =>
  useResettlementMutation((body: { name: string; plannedDates: Partial<Record<MilestoneKind, string>> }) => apiPost<{ id: string }>(`${base}/projects/${projectId}/phases`, body));
export const useCreateBuilding = (phaseId: string) =>
  useResettlementMutation((body: { name: string; floors: number; unitCount: number; unitAreaM2: number }) => apiPost<{ id: string }>(`${base}/phases/${phaseId}/buildings`, body));
export const useUpdateMilestone = () =>
  useResettlementMutation(({ id, ...body }: { id: string; plannedOn: string | null; startedOn: string | null; completedOn: string | null; note?: string }) => apiPatch<null>(`${base}/milestones/${id}`, body));
export const useAddResettlementHousehold = (phaseId: string) =>
  useResettlementMutation((body: { householdId?: string; headName?: string; size: number; entitledUnits: number }) => apiPost<{ id: string }>(`${base}/phases/${phaseId}/households`, body));
export const useAllocateUnit = () =>
  useResettlementMutation(({ unitId, ...body }: { unitId: string; resettlementHouseholdId: string; date: string }) => apiPost<null>(`${base}/units/${unitId}/allocate`, body));
export const useSignUnit = () => useResettlementMutation(({ unitId, date }: { unitId: string; date: string }) => apiPost<null>(`${base}/units/${unitId}/sign`, { date }));
export const useMoveBack = () => useResettlementMutation(({ householdId, date }: { householdId: string; date: string }) => apiPost<null>(`${base}/households/${householdId}/move-back`, { date }));

export function usePhaseUnits(phaseId: string) {
  return useQuery({ queryKey: ['livelihood', 'phase', phaseId, 'units'], queryFn: ({ signal }) => apiGet<{ items: PhaseUnit[] }>(`${base}/phases/${phaseId}/units`, undefined, signal) });
}

export function usePhaseHouseholds(phaseId: string, page: number, pageSize = 20) {
  return useQuery({
    queryKey: ['livelihood', 'phase', phaseId, 'households', page, pageSize],
    queryFn: ({ signal }) => apiGet<{ items: ResettlementHousehold[]; total: number }>(`${base}/phases/${phaseId}/households`, { page, pageSize }, signal),
  });
}

/** The village's own household records, searched by head name or address, to list for resettlement. */
export function useVillageHouseholds(orgId: string, q: string) {
  return useQuery({
    queryKey: ['livelihood', 'village-households', orgId, q],
    enabled: Boolean(orgId),
    queryFn: ({ signal }) => apiGet<{ items: VillageHousehold[] }>('/api/households', { orgId, q: q || undefined, pageSize: 20 }, signal),
  });
}

export function useRateSettings(enabled = true) {
  return useQuery({ queryKey: ['livelihood', 'settings'], enabled, queryFn: ({ signal }) => apiGet<RateSettings>('/api/livelihood/settings', undefined, signal) });
}

export const useSaveRateSettings = () =>
  useResettlementMutation((body: Omit<RateSettings, 'updatedAt'> & { reason: string }) => api<RateSettings>('/api/livelihood/settings', { method: 'PUT', body }));

/** The catalogue key for a refusal the server explained with `details.reason`, and its values. */
export function refusalOf(error: unknown): { key: string; values: Record<string, string | number> } | null {
  if (!isApiError(error)) return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return null;
  const { reason, ...rest } = details as Record<string, unknown>;
  if (typeof reason !== 'string') return null;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(rest)) if (typeof v === 'string' || typeof v === 'number') values[k] = v;
  return { key: `livelihood.rs.refusal.${reason}`, values };
}

/** 元 typed in a form ↔ fen stored; rounded to the fen. */
export const yuanToFen = (yuan: number) => Math.round(yuan * 100);
export const fenToYuan = (fen: number) => fen / 100;
