import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../ui/api';

export type ClaimCategory = 'visit' | 'pairing' | 'dispute' | 'difficulty';
export interface Claim {
  id: string;
  memberName: string;
  orgName: string;
  category: ClaimCategory;
  categoryLabel: string;
  occurredOn: string;
  householdAddress: string | null;
  summary: string;
  beneficiaryCount: number;
  state: string;
  stateLabel: string;
  points: number;
  decisionReason: string | null;
}
export interface Paged<T> {
  items: T[];
  total: number;
}
export interface Household {
  id: string;
  address: string;
  headName: string;
}
export interface MyPoints {
  total: number;
  rankInBranch: number | null;
  branchMembers: number;
  rankInStreet: number | null;
  streetMembers: number;
  byCategory: Array<{ category: string; label: string; points: number }>;
}
export interface CreateClaimBody {
  category: ClaimCategory;
  occurredAt: string;
  householdId: string | null;
  summary: string;
  beneficiaryCount: number;
  photoFileIds: string[];
}

const key = ['points'] as const;

export const useMyPoints = () => useQuery({ queryKey: [...key, 'me'], queryFn: ({ signal }) => apiGet<MyPoints>('/api/points/me', undefined, signal) });
export const useMyClaims = () =>
  useQuery({ queryKey: [...key, 'mine'], queryFn: ({ signal }) => apiGet<Paged<Claim>>('/api/points/claims', { mine: 'true', pageSize: 20 }, signal) });
export const usePendingClaims = () =>
  useQuery({ queryKey: [...key, 'pending'], queryFn: ({ signal }) => apiGet<Paged<Claim>>('/api/points/claims', { state: 'pending', pageSize: 100 }, signal) });
export const useHouseholds = (q: string) =>
  useQuery({ queryKey: ['households', q], queryFn: ({ signal }) => apiGet<Paged<Household>>('/api/households', { q: q || undefined, pageSize: 20 }, signal) });

function usePointsMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
export const useCreateClaim = () => usePointsMutation((body: CreateClaimBody) => apiPost<Claim>('/api/points/claims', body));
export const useDecide = () =>
  usePointsMutation((body: { ids: string[]; decision: 'approve' | 'reject'; reason?: string }) => apiPost<{ decided: number; overCap: Array<{ id: string }> }>('/api/points/claims/decide', body));
