import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../ui/api';

export interface SessionInfo {
  id: string;
  createdAt?: string;
  lastSeenAt?: string;
  ip?: string;
  userAgent?: string;
  current?: boolean;
}

/** My sessions, or null while the server has no GET /api/auth/sessions. */
export function useSessions() {
  return useQuery({
    queryKey: ['auth', 'sessions'],
    queryFn: async (): Promise<SessionInfo[] | null> => {
      try {
        const body = await api<{ items: SessionInfo[] } | SessionInfo[]>('/api/auth/sessions');
        return Array.isArray(body) ? body : body.items;
      } catch (error) {
        if (isApiError(error) && error.status === 404) return null;
        throw error;
      }
    },
  });
}

export interface ChangePasswordBody {
  currentPassword: string;
  newPassword: string;
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      // A wrong current password may come back as 401; it must not end the session in the UI.
      api<void>('/api/auth/password', { method: 'POST', body, redirectOn401: false }),
  });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auth', 'sessions'] }),
  });
}

export interface TwoFactorStatus {
  enabled: boolean;
  recoveryCodesLeft: number;
  required: boolean;
}

export interface Enrolment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export function useTwoFactor() {
  return useQuery({ queryKey: ['auth', '2fa'], queryFn: () => api<TwoFactorStatus>('/api/auth/2fa') });
}

export function useTwoFactorActions() {
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: ['auth', '2fa'] });
  return {
    enrol: useMutation({ mutationFn: () => api<Enrolment>('/api/auth/2fa/enrol', { method: 'POST' }) }),
    confirm: useMutation({ mutationFn: (code: string) => api<{ recoveryCodes: string[] }>('/api/auth/2fa/confirm', { method: 'POST', body: { code } }), onSuccess: refresh }),
    disable: useMutation({
      mutationFn: (password: string) => api<void>('/api/auth/2fa/disable', { method: 'POST', body: { password }, redirectOn401: false }),
      onSuccess: refresh,
    }),
  };
}

export interface PrivacyRequest {
  id: string;
  kind: 'access' | 'correct' | 'delete';
  details: string;
  status: 'open' | 'done' | 'rejected';
  answer: string | null;
  createdAt: string;
  handledAt: string | null;
}

export function useMyPrivacyRequests() {
  return useQuery({ queryKey: ['auth', 'privacy'], queryFn: () => api<{ items: PrivacyRequest[] }>('/api/auth/privacy/my-requests') });
}

export function useFilePrivacyRequest() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: PrivacyRequest['kind']; details: string }) => api<PrivacyRequest>('/api/auth/privacy/my-requests', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auth', 'privacy'] }),
  });
}
