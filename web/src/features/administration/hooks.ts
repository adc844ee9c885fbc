import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RoleName } from '../../app/auth';
import { api, apiGet } from '../../ui/api';
import { resourceQueryKey } from '../../ui/resource-table';

export const usersEndpoint = '/api/auth/users';
export const privacyEndpoint = '/api/auth/privacy/requests';

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  roles: RoleName[];
  status: 'active' | 'disabled';
  disabledReason: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string;
  twoFactor: boolean;
  lockedUntil: string | null;
  scopeOrgId: string | null;
  scopeOrgName: string | null;
  mustChangePassword: boolean;
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  roles: RoleName[];
  scopeOrgId?: string;
}

export interface SessionRow {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
  current: boolean;
}

export interface SecuritySettings {
  requireTotpForAdmins: boolean;
  adminPasswordMaxDays: number;
  dormantDays: number;
}

export interface PrivacyRequestRow {
  id: string;
  kind: 'access' | 'correct' | 'delete';
  details: string;
  status: 'open' | 'done' | 'rejected';
  answer: string | null;
  createdAt: string;
  handledAt: string | null;
  username: string | null;
}

/** Roles the system administrator may give a new account (administrator roles are the security administrator's). */
export const businessRoles: readonly RoleName[] = ['instructor', 'secretary', 'grid_worker', 'member', 'unit_contact', 'resident', 'auditor'];
/** Roles the security administrator may grant (never platform_admin). */
export const grantableRoles: readonly RoleName[] = [...businessRoles, 'street_admin', 'system_admin', 'security_admin', 'audit_admin'];

function useRefreshUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: resourceQueryKey(usersEndpoint) });
}

export function useScopeChoices(enabled: boolean) {
  return useQuery({
    queryKey: ['administration', 'scopes'],
    enabled,
    queryFn: ({ signal }) => apiGet<{ items: Array<{ id: string; name: string; depth: number }> }>(`${usersEndpoint}/scopes`, undefined, signal),
  });
}

export function useUserActions() {
  const refresh = useRefreshUsers();
  return {
    create: useMutation({
      mutationFn: (body: CreateUserInput) => api<{ user: UserSummary; temporaryPassword: string }>(usersEndpoint, { method: 'POST', body }),
      onSuccess: refresh,
    }),
    setStatus: useMutation({
      mutationFn: (v: { id: string; status: 'active' | 'disabled'; reason?: string }) =>
        api<UserSummary>(`${usersEndpoint}/${v.id}/status`, { method: 'PATCH', body: { status: v.status, ...(v.reason ? { reason: v.reason } : {}) } }),
      onSuccess: refresh,
    }),
    resetPassword: useMutation({
      mutationFn: (id: string) => api<{ temporaryPassword: string }>(`${usersEndpoint}/${id}/password/reset`, { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
    setRoles: useMutation({
      mutationFn: (v: { id: string; roles: RoleName[] }) => api<UserSummary>(`${usersEndpoint}/${v.id}/roles`, { method: 'PUT', body: { roles: v.roles } }),
      onSuccess: refresh,
    }),
    resetTwoFactor: useMutation({
      mutationFn: (id: string) => api<UserSummary>(`${usersEndpoint}/${id}/2fa/reset`, { method: 'POST', body: {} }),
      onSuccess: refresh,
    }),
  };
}

export function useUserSessions(userId: string | null) {
  return useQuery({
    queryKey: ['administration', 'sessions', userId],
    enabled: userId !== null,
    queryFn: ({ signal }) => apiGet<{ items: SessionRow[] }>(`${usersEndpoint}/${userId ?? ''}/sessions`, undefined, signal),
  });
}

export function useEndUserSessions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<{ ended: number }>(`${usersEndpoint}/${userId}/sessions`, { method: 'DELETE' }),
    onSuccess: (_r, userId) => client.invalidateQueries({ queryKey: ['administration', 'sessions', userId] }),
  });
}

export function useSecuritySettings() {
  return useQuery({ queryKey: ['administration', 'security-settings'], queryFn: ({ signal }) => apiGet<SecuritySettings>('/api/auth/security-settings', undefined, signal) });
}

export function useSaveSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SecuritySettings) => api<SecuritySettings>('/api/auth/security-settings', { method: 'PUT', body }),
    onSuccess: (saved) => client.setQueryData(['administration', 'security-settings'], saved),
  });
}

export function useAnswerPrivacyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; status: 'done' | 'rejected'; answer: string }) =>
      api<PrivacyRequestRow>(`${privacyEndpoint}/${v.id}/answer`, { method: 'POST', body: { status: v.status, answer: v.answer } }),
    onSuccess: () => client.invalidateQueries({ queryKey: resourceQueryKey(privacyEndpoint) }),
  });
}
