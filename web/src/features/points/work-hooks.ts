import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../ui/api';
import type { Paged } from './hooks';

/** Hooks for households, duty rosters, volunteer events, rankings and the org picker. */

export interface HouseholdRow {
  id: string;
  orgId: string;
  orgName: string;
  gridName: string | null;
  address: string;
  headName: string;
  headPhoneMasked: string | null;
  size: number;
  tags: string[];
}
export interface ActivityItem {
  id: string;
  kind: 'visit' | 'pairing' | 'dispute' | 'difficulty';
  occurredOn: string;
  memberName: string;
  summary: string;
  state: string;
}
export interface HouseholdDetail extends HouseholdRow {
  visits: ActivityItem[];
  cases: ActivityItem[];
  pairings: Array<{ id: string; memberName: string; startedOn: string; endedOn: string | null; helps: ActivityItem[] }>;
}
export interface HouseholdInput {
  orgId: string;
  address: string;
  headName: string;
  headPhone: string | null;
  size: number;
  tags: string[];
}

export interface Shift {
  id: string;
  orgName: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  slots: number;
  taken: number;
  state: 'open' | 'cancelled';
}
export interface Assignment {
  id: string;
  shiftId: string;
  memberId: string;
  memberName: string;
  source: 'signup' | 'assigned';
  state: 'signed_up' | 'checked_in' | 'completed' | 'cancelled';
  checkInAt: string | null;
  checkOutAt: string | null;
}
export interface ShiftInput {
  orgId: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  slots: number;
}

export interface VolunteerEvent {
  id: string;
  orgId: string;
  orgName: string;
  title: string;
  organiser: string;
  place: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registered: number;
  waitlisted: number;
  peopleServed: number;
  state: 'open' | 'closed' | 'cancelled';
  mySignup: { id: string; state: 'registered' | 'waitlisted' | 'cancelled'; checkInAt: string | null; checkOutAt: string | null } | null;
}
export interface Signup {
  id: string;
  memberId: string;
  memberName: string;
  orgName: string;
  state: 'registered' | 'waitlisted' | 'cancelled';
  checkInAt: string | null;
  checkInBy: 'qr' | 'organiser' | null;
  checkOutAt: string | null;
  autoClosed: boolean;
  minutes: number | null;
}
export interface VolunteerEventDetail extends VolunteerEvent {
  signups: Signup[];
  checkInUrl: string | null;
  totalMinutes: number;
}
export interface EventInput extends ShiftInput {
  organiser: string;
  capacity: number;
}

export type RankingLevel = 'member' | 'branch' | 'unit';
export interface RankingRow {
  rank: number;
  id: string;
  name: string;
  orgName: string | null;
  total: number;
  members: number;
  perMember: number;
  categories: number;
}
export interface Rankings extends Paged<RankingRow> {
  summary: { points: number; members: number; perMember: number; completedAllSix: number };
}

interface OrgUnitLite {
  id: string;
  kind: string;
  name: string;
}

const hhKey = ['households'] as const;
const dutyKey = ['duty'] as const;
const volKey = ['volunteer'] as const;

function useInvalidating<Input, Output>(keys: ReadonlyArray<readonly string[]>, fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(keys.map((k) => qc.invalidateQueries({ queryKey: k })));
    },
  });
}

/** Units that may own households, shifts and events: the street, villages and communities in scope. */
export const useOwnerUnits = () =>
  useQuery({
    queryKey: ['orgs', 'tree', 'owners'],
    queryFn: ({ signal }) => apiGet<{ items: OrgUnitLite[] }>('/api/orgs/tree', undefined, signal),
    select: (d) => d.items.filter((u) => ['street_committee', 'village', 'community', 'social_org'].includes(u.kind)),
  });

export const useHousehold = (id: string) => useQuery({ queryKey: [...hhKey, id], queryFn: ({ signal }) => apiGet<HouseholdDetail>(`/api/households/${id}`, undefined, signal) });
export const useCreateHousehold = () => useInvalidating([hhKey, ['resource', '/api/households']], (b: HouseholdInput) => apiPost<HouseholdRow>('/api/households', b));
export const useUpdateHousehold = (id: string) =>
  useInvalidating([hhKey, ['resource', '/api/households']], (b: Partial<HouseholdInput>) => apiPatch<HouseholdRow>(`/api/households/${id}`, b));

export const useShifts = (page: number) =>
  useQuery({ queryKey: [...dutyKey, 'list', page], queryFn: ({ signal }) => apiGet<Paged<Shift>>('/api/duty-rosters', { page, pageSize: 20 }, signal), placeholderData: keepPreviousData });
export const useMyShifts = (enabled: boolean) =>
  useQuery({ queryKey: [...dutyKey, 'mine'], enabled, queryFn: ({ signal }) => apiGet<{ items: Array<Assignment & { shift: Shift }> }>('/api/duty-rosters/mine', undefined, signal) });
export const useShift = (id: string | null) =>
  useQuery({ queryKey: [...dutyKey, 'one', id], enabled: id !== null, queryFn: ({ signal }) => apiGet<Shift & { assignments: Assignment[] }>(`/api/duty-rosters/${id}`, undefined, signal) });
export const usePublishShift = () => useInvalidating([dutyKey], (b: ShiftInput) => apiPost<Shift>('/api/duty-rosters', b));
export const useShiftSignUp = () => useInvalidating([dutyKey], (id: string) => apiPost<Shift>(`/api/duty-rosters/${id}/signup`));
export const useAssignmentMove = () =>
  useInvalidating([dutyKey, ['points']], (v: { id: string; move: 'check-in' | 'check-out' }) => apiPost<{ state: string; points?: number }>(`/api/duty-rosters/assignments/${v.id}/${v.move}`));

export const useEvents = (page: number) =>
  useQuery({ queryKey: [...volKey, 'list', page], queryFn: ({ signal }) => apiGet<Paged<VolunteerEvent>>('/api/volunteer-events', { page, pageSize: 20 }, signal), placeholderData: keepPreviousData });
export const useEvent = (id: string) => useQuery({ queryKey: [...volKey, 'one', id], queryFn: ({ signal }) => apiGet<VolunteerEventDetail>(`/api/volunteer-events/${id}`, undefined, signal) });
export const useCreateEvent = () => useInvalidating([volKey], (b: EventInput) => apiPost<VolunteerEventDetail>('/api/volunteer-events', b));
export const useEventAction = () =>
  useInvalidating([volKey, ['points']], (v: { id: string; action: 'signup' | 'cancel-signup' | 'check-out' | 'check-in' | 'check-in-member' | 'close'; body?: unknown }) =>
    apiPost<VolunteerEventDetail>(`/api/volunteer-events/${v.id}/${v.action}`, v.body),
  );

/** The day of the latest ledger entry in scope (null before any): the rankings page opens on its year. */
export const useLatestPointsDay = () =>
  useQuery({
    queryKey: ['points', 'rankings', 'latest-day'],
    queryFn: ({ signal }) => apiGet<{ latestDay: string | null }>('/api/points/rankings/latest-day', {}, signal),
    staleTime: 5 * 60_000,
  });

export const useRankings = (q: { from: string; to: string; level: RankingLevel; page: number }, enabled = true) =>
  useQuery({
    queryKey: ['points', 'rankings', q],
    enabled,
    queryFn: ({ signal }) => apiGet<Rankings>('/api/points/rankings', { ...q, pageSize: 50 }, signal),
    placeholderData: keepPreviousData,
  });
