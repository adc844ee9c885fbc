/** The queries and mutations behind the management forms (the list pages' hooks live in hooks.ts). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiDelete, apiGet, apiPatch, apiPost } from '../../ui/api';
import type { Centre, ChecklistItem, InstructorDetail, InstructorSummary, StudyPlan, StudySession, TourDetail } from './hooks';

const key = ['party-work'] as const;

export interface OrgOption {
  id: string;
  name: string;
  kind: string;
  status: string;
  depth: number;
}
export interface Checklist {
  id: string;
  name: string;
  items: ChecklistItem[];
  maxTotal: number;
}
export interface MemberOption {
  id: string;
  name: string;
  orgName: string;
}

/** Active orgs in the actor's scope, in tree order; `kinds` narrows them (shares the org tree's cache). */
export const useOrgOptions = (kinds?: readonly string[]) =>
  useQuery({
    queryKey: ['orgs', 'tree'],
    queryFn: ({ signal }) => apiGet<{ items: OrgOption[] }>('/api/orgs/tree', undefined, signal),
    select: (data) => data.items.filter((o) => o.status === 'active' && (kinds === undefined || kinds.includes(o.kind))),
  });

export const useChecklists = (enabled = true) =>
  useQuery({ queryKey: [...key, 'checklists'], queryFn: ({ signal }) => apiGet<{ items: Checklist[] }>('/api/tours/checklists', undefined, signal), enabled });

/** Members by name/pinyin search, or all active members of one org (for attendance). */
export const useMemberOptions = (params: { q?: string; orgId?: string }, enabled = true) =>
  useQuery({
    queryKey: ['members', 'options', params.q ?? '', params.orgId ?? ''],
    queryFn: ({ signal }) => apiGet<{ items: MemberOption[]; total: number }>('/api/members', { q: params.q, orgId: params.orgId, pageSize: 200 }, signal),
    enabled: enabled && (Boolean(params.q) || Boolean(params.orgId)),
  });

function useSave<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}
const enc = encodeURIComponent;

export interface CentreInput {
  name: string;
  address: string;
  areaM2: number;
  openingHours: string;
  photoFileIds: string[];
  transitional: boolean;
}
export const useCreateCentre = () => useSave((body: CentreInput & { orgId: string }) => apiPost<Centre>('/api/service-centres', body));
export const useUpdateCentre = () => useSave(({ id, ...body }: CentreInput & { id: string }) => apiPatch<Centre>(`/api/service-centres/${enc(id)}`, body));
export const usePublishStandard = () => useSave((body: { items: Array<{ key: string; label: string }>; note?: string }) => apiPost<unknown>('/api/service-centres/standard', body));

export interface InstructorInput {
  name: string;
  hiredOn?: string | null;
  status?: 'active' | 'left';
}
export const useCreateInstructor = () => useSave((body: InstructorInput) => apiPost<InstructorSummary>('/api/instructors', body));
export const useUpdateInstructor = () => useSave(({ id, ...body }: InstructorInput & { id: string }) => apiPatch<InstructorSummary>(`/api/instructors/${enc(id)}`, body));
export const useAddTraining = () =>
  useSave(({ id, ...body }: { id: string; kind: 'academy_course' | 'field_practice'; title: string; heldOn: string; hours: number }) => apiPost<unknown>(`/api/instructors/${enc(id)}/trainings`, body));
export const useAssignOrg = () => useSave(({ id, orgId, since }: { id: string; orgId: string; since?: string }) => apiPost<InstructorDetail>(`/api/instructors/${enc(id)}/orgs`, { orgId, since }));
export const useUnassignOrg = () => useSave(({ id, orgId }: { id: string; orgId: string }) => apiDelete<InstructorDetail>(`/api/instructors/${enc(id)}/orgs/${enc(orgId)}`));

export const useCreateTour = () => useSave((body: { title: string; plannedOn: string; checklistId: string; orgIds: string[] }) => apiPost<TourDetail>('/api/tours', body));
export const useCreateChecklist = () => useSave((body: { name: string; items: ChecklistItem[] }) => apiPost<Checklist>('/api/tours/checklists', body));

export const useCreatePlan = () =>
  useSave((body: { title: string; period: string; topics: string[]; materials: string[]; startsOn: string; endsOn: string }) => apiPost<StudyPlan>('/api/study/plans', body));
export const useCreateSession = () =>
  useSave((body: { orgId: string; planId?: string; kind: string; title: string; heldOn: string; attendeeMemberIds: string[] }) => apiPost<StudySession>('/api/study/sessions', body));

export interface FeedbackInput {
  problem: string;
  measures: string;
  orgId: string;
  responsibleName: string;
  deadline: string;
  evidenceFileIds: string[];
}
export const useCreateFeedback = () => useSave((body: { inspection: string; items: FeedbackInput[] }) => apiPost<unknown>('/api/discipline/feedback', body));
export const useCreateDisciplineRecord = () =>
  useSave((body: { memberId: string; decidedOn: string; kind: string; outcome: string }) => api<unknown>('/api/discipline/records', { method: 'POST', body }));
