import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../ui/api';
import type { OrgKind, OrgUnit } from './org-units';

export interface OrgHistoryEntry {
  name: string;
  parentId: string | null;
  parentName: string | null;
  validFrom: string;
  validTo: string | null;
  change: string;
  changedByName: string | null;
}

export interface CreateOrgBody {
  parentId: string;
  kind: OrgKind;
  name: string;
  divisionCode?: string;
  validFrom?: string;
}

const orgsKey = ['orgs'] as const;

export function useOrgTree() {
  return useQuery({
    queryKey: [...orgsKey, 'tree'],
    queryFn: ({ signal }) => apiGet<{ items: OrgUnit[] }>('/api/orgs/tree', undefined, signal),
  });
}

export function useOrgHistory(id: string | null) {
  return useQuery({
    queryKey: [...orgsKey, id, 'history'],
    queryFn: ({ signal }) => apiGet<{ items: OrgHistoryEntry[] }>(`/api/orgs/${encodeURIComponent(String(id))}/history`, undefined, signal),
    enabled: id !== null,
  });
}

function useOrgMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgsKey }),
  });
}

const path = (id: string) => `/api/orgs/${encodeURIComponent(String(id))}`;

export const useCreateOrg = () => useOrgMutation((body: CreateOrgBody) => apiPost<Partial<OrgUnit> | { unit: OrgUnit }>('/api/orgs', body));

export const useRenameOrg = () =>
  useOrgMutation(({ id, name, effectiveDate }: { id: string; name: string; effectiveDate?: string }) =>
    apiPatch<unknown>(path(id), { name, effectiveDate }),
  );

export const useMoveOrg = () =>
  useOrgMutation(({ id, parentId, effectiveDate }: { id: string; parentId: string; effectiveDate?: string }) =>
    apiPost<unknown>(`${path(id)}/move`, { parentId, effectiveDate }),
  );

export const useCloseOrg = () =>
  useOrgMutation(({ id, effectiveDate, reason }: { id: string; effectiveDate: string; reason?: string }) =>
    apiPost<unknown>(`${path(id)}/close`, { effectiveDate, reason }),
  );
