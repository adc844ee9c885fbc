import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { api, isApiError } from '../ui/api';

export type RoleName =
  | 'platform_admin'
  | 'street_admin'
  | 'instructor'
  | 'secretary'
  | 'grid_worker'
  | 'member'
  | 'unit_contact'
  | 'resident'
  | 'auditor'
  | 'system_admin'
  | 'security_admin'
  | 'audit_admin';

export interface Me {
  user: {
    id: string;
    username: string;
    displayName: string;
    roles: string[];
    scopeOrgId: string | null;
    scopeOrgName: string | null;
    memberId: string | null;
    tenant: { id: number; code: string; name: string };
  };
  permissions: string[];
}

export interface LoginInput {
  username: string;
  password: string;
  tenantCode?: string;
}

/** A login that still owes a step: a second-factor code (maybe after enrolling) or a new password. */
export interface LoginStep {
  step: 'totp' | 'password';
  mustEnrol: boolean;
  recoveryCodes: string[];
}

export type LoginOutcome = { me: Me; recoveryCodes: string[] } | LoginStep;

interface AuthValue {
  me: Me | null;
  isLoading: boolean;
  /** Whether the signed-in user holds a permission (no permission argument: always true). */
  can: (permission?: string) => boolean;
  login: (input: LoginInput) => Promise<LoginOutcome>;
  /** Sends the pending login's next step: `totp` ({code}) or `password` ({newPassword}). */
  continueLogin: (step: 'totp' | 'password', body: { code: string } | { newPassword: string }) => Promise<LoginOutcome>;
  logout: () => Promise<void>;
}

const meQueryKey = ['auth', 'me'] as const;
const AuthContext = createContext<AuthValue | null>(null);

function isStep(value: unknown): value is LoginStep {
  return typeof value === 'object' && value !== null && 'step' in value && (value as { step: unknown }).step !== 'done';
}

function recoveryCodesOf(value: unknown): string[] {
  const codes = typeof value === 'object' && value !== null ? (value as { recoveryCodes?: unknown }).recoveryCodes : undefined;
  return Array.isArray(codes) ? codes.map(String) : [];
}

function isMe(value: unknown): value is Me {
  return typeof value === 'object' && value !== null && 'user' in value && 'permissions' in value;
}

function removeEverythingButMe(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => !(query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1]) });
}

async function fetchMe(): Promise<Me | null> {
  try {
    return await api<Me>('/api/auth/me', { redirectOn401: false });
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null;
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const meQuery = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
  const me = meQuery.data ?? null;

  const finish = useCallback(
    async (response: unknown): Promise<LoginOutcome> => {
      if (isStep(response)) return response;
      const next = isMe(response) ? response : await fetchMe();
      if (!next) throw new Error('Login succeeded but the session was not established');
      // Another user's cached lists must not leak into this session. The me query itself stays
      // (updated in place): AuthProvider's observer would not notice a removed-and-recreated entry.
      removeEverythingButMe(queryClient);
      queryClient.setQueryData(meQueryKey, next);
      return { me: next, recoveryCodes: recoveryCodesOf(response) };
    },
    [queryClient],
  );

  const login = useCallback(
    async (input: LoginInput) => {
      const body: LoginInput = { username: input.username.trim(), password: input.password };
      const tenantCode = input.tenantCode?.trim();
      if (tenantCode) body.tenantCode = tenantCode;
      return finish(await api<unknown>('/api/auth/login', { method: 'POST', body, redirectOn401: false }));
    },
    [finish],
  );

  const continueLogin = useCallback(
    async (step: 'totp' | 'password', body: { code: string } | { newPassword: string }) =>
      finish(await api<unknown>(`/api/auth/login/${step}`, { method: 'POST', body, redirectOn401: false })),
    [finish],
  );

  const logout = useCallback(async () => {
    try {
      await api<void>('/api/auth/logout', { method: 'POST', redirectOn401: false });
    } catch {
      // The session may already be gone; signing out locally is still right.
    }
    removeEverythingButMe(queryClient);
    queryClient.setQueryData(meQueryKey, null);
  }, [queryClient]);

  const value = useMemo<AuthValue>(() => {
    const granted = new Set(me?.permissions ?? []);
    return {
      me,
      isLoading: meQuery.isPending,
      can: (permission) => permission === undefined || granted.has(permission) || granted.has('*'),
      login,
      continueLogin,
      logout,
    };
  }, [me, meQuery.isPending, login, continueLogin, logout]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for pages inside the layout, which guarantees one. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe needs a signed-in user');
  return me;
}
