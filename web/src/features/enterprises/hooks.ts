import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../ui/api';
import { resourceQueryKey, type Page } from '../../ui/resource-table';
import type { Checklist, Drill, Enterprise, EntryApplication, Inspection, InspectionInput, Pollution, Site, SiteCheckResult, SiteChecks } from './enterprises';

export const enterprisesEndpoint = '/api/enterprises';
export const pollutionEndpoint = '/api/environment/pollution';
export const entriesEndpoint = '/api/environment/entries';

export function useEnterprise(id: string) {
  return useQuery({ queryKey: ['enterprises', id], queryFn: ({ signal }) => apiGet<Enterprise>(`${enterprisesEndpoint}/${encodeURIComponent(id)}`, undefined, signal) });
}

export function useInspections(enterpriseId: string) {
  return useQuery({
    queryKey: ['enterprises', enterpriseId, 'inspections'],
    queryFn: ({ signal }) => apiGet<Page<Inspection>>(`${enterprisesEndpoint}/inspections`, { enterpriseId, pageSize: 50 }, signal),
  });
}

export function useRecordInspection(enterpriseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InspectionInput) => apiPost<Inspection>(`${enterprisesEndpoint}/${encodeURIComponent(enterpriseId)}/inspections`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['enterprises', enterpriseId] }),
  });
}

export function useBanWorkshop(enterpriseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { bannedOn: string; reason: string }) => apiPost<Enterprise>(`${enterprisesEndpoint}/${encodeURIComponent(enterpriseId)}/ban`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['enterprises', enterpriseId] }),
  });
}

function usePollutionAction<Input>(path: (id: string) => string, method: 'POST' | 'PATCH' = 'POST') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Input }) => (method === 'POST' ? apiPost<Pollution>(path(id), body) : apiPatch<Pollution>(path(id), body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceQueryKey(pollutionEndpoint) }),
  });
}
const p = (id: string) => `${pollutionEndpoint}/${encodeURIComponent(id)}`;
export const useStartRemediation = () => usePollutionAction<{ responsibleName: string; deadlineWorkingDays: number }>((id) => `${p(id)}/start`);
export const useUpdateChecklist = () => usePollutionAction<Partial<Checklist>>((id) => `${p(id)}/checklist`, 'PATCH');
export const useSignOff = () => usePollutionAction<{ signedOffOn: string }>((id) => `${p(id)}/sign-off`);
export const useRecheck = () => usePollutionAction<{ checkedOn: string; passed: boolean; note?: string }>((id) => `${p(id)}/rechecks`);

export function useSites() {
  return useQuery({ queryKey: ['environment', 'sites'], queryFn: ({ signal }) => apiGet<{ items: Site[] }>('/api/environment/sites', undefined, signal) });
}

export function useSiteCheck() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { checkedOn: string; checks: SiteChecks; note?: string; rectifyWithinWorkingDays?: number } }) =>
      apiPost<SiteCheckResult>(`/api/environment/sites/${encodeURIComponent(id)}/checks`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['environment', 'sites'] }),
  });
}

function useEntryAction<Input>(suffix: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Input }) => apiPost<EntryApplication>(`${entriesEndpoint}/${encodeURIComponent(id)}/${suffix}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceQueryKey(entriesEndpoint) }),
  });
}
export const useReviewEntry = () => useEntryAction<{ industryOk: boolean; planningOk: boolean; environmentOk: boolean; note?: string }>('review');
export const useDecideEntry = () => useEntryAction<{ decision: 'approve' | 'refuse'; reason?: string }>('decision');

export const drillsEndpoint = `${enterprisesEndpoint}/drills`;
export interface DrillInput {
  orgId: string;
  heldOn: string;
  title: string;
  location: string;
  participants: number;
  notes?: string;
}
export function useRecordDrill() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: DrillInput) => apiPost<Drill>(drillsEndpoint, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: resourceQueryKey(drillsEndpoint) }),
  });
}
/** Units a drill can be recorded at: villages, communities and non-public enterprises in scope. */
export function useDrillOrgs() {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: ({ signal }) => apiGet<{ items: Array<{ id: string; name: string; kind: string }> }>('/api/orgs/tree', undefined, signal),
    select: (d) => d.items.filter((o) => o.kind === 'village' || o.kind === 'community' || o.kind === 'non_public'),
  });
}
