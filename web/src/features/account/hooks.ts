import { useMutation, useQuery } from '@tanstack/react-query';
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
