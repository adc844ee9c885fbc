import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../ui/api';

export interface Tenant {
  id: number;
  code: string;
  name: string;
  createdAt: string;
}

export interface CreatedTenant {
  tenant: { id: number; code: string; name: string };
  adminUsername: string;
  adminPassword: string;
}

const tenantsKey = ['tenants'] as const;

export function useTenants() {
  return useQuery({
    queryKey: tenantsKey,
    queryFn: ({ signal }) => apiGet<{ items: Tenant[] }>('/api/tenants', undefined, signal),
  });
}

export function useCreateTenant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => apiPost<CreatedTenant>('/api/tenants', { code }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tenantsKey }),
  });
}
