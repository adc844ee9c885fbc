import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, uploadFile } from '../../ui/api';
import { resourceQueryKey } from '../../ui/resource-table';
import type { ChangeStateInput, ImportPlan, MemberDetail, MemberInput, TransferInput } from './members';

export const membersEndpoint = '/api/members';
const memberKey = (id: string) => ['members', id] as const;
const path = (id: string) => `${membersEndpoint}/${encodeURIComponent(id)}`;

export function useMember(id: string | undefined) {
  return useQuery({
    queryKey: memberKey(id ?? 'none'),
    queryFn: ({ signal }) => apiGet<MemberDetail>(path(id ?? ''), undefined, signal),
    enabled: Boolean(id),
  });
}

export function useOwnMember() {
  return useQuery({ queryKey: ['members', 'me'], queryFn: ({ signal }) => apiGet<MemberDetail>(`${membersEndpoint}/me`, undefined, signal) });
}

function useMemberMutation<Input>(fn: (input: Input) => Promise<MemberDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (member) => {
      queryClient.setQueryData(memberKey(member.id), member);
      void queryClient.invalidateQueries({ queryKey: resourceQueryKey(membersEndpoint) });
    },
  });
}

export const useCreateMember = () => useMemberMutation((body: MemberInput & { orgId: string }) => apiPost<MemberDetail>(membersEndpoint, body));
export const useUpdateMember = (id: string) => useMemberMutation((body: Partial<MemberInput>) => apiPatch<MemberDetail>(path(id), body));
export const useTransferMember = (id: string) => useMemberMutation((body: TransferInput) => apiPost<MemberDetail>(`${path(id)}/transfer`, body));
export const useChangeMemberState = (id: string) => useMemberMutation((body: ChangeStateInput) => apiPost<MemberDetail>(`${path(id)}/state`, body));

export function useRevealMember(id: string) {
  return useMutation({
    mutationFn: (body: { field: 'idNumber' | 'phone'; reason: string }) => apiPost<{ field: string; value: string | null }>(`${path(id)}/reveal`, body),
  });
}

export function useImportDryRun() {
  return useMutation({ mutationFn: (file: File) => uploadFile<ImportPlan>(`${membersEndpoint}/import/dry-run`, file) });
}

export function useImportCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, plan }: { file: File; plan: ImportPlan }) =>
      uploadFile<ImportPlan>(`${membersEndpoint}/import/commit`, file, { token: plan.token, planDigest: plan.planDigest }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: resourceQueryKey(membersEndpoint) }),
  });
}

interface OrgOption {
  id: string;
  name: string;
  kind: string;
  status: string;
  depth: number;
}

/** Units a member can belong to, in tree order, for filters and the transfer form. */
export function useMemberHomes() {
  return useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: ({ signal }) => apiGet<{ items: OrgOption[] }>('/api/orgs/tree', undefined, signal),
    select: (data) => data.items.filter((o) => o.status === 'active' && o.kind !== 'group'),
  });
}
