import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPost } from '../../ui/api';

export interface Centre {
  id: string;
  orgId: string;
  orgName: string;
  orgKind: string;
  name: string;
  address: string;
  areaM2: number;
  openingHours: string;
  photoFileIds: string[];
  transitional: boolean;
  assessedAt: string | null;
  meetsStandard: boolean;
  results: Record<string, boolean> | null;
  missing: string[];
}
export interface Standard {
  id: string;
  version: number;
  items: Array<{ key: string; label: string }>;
}
export interface CentreList {
  items: Centre[];
  standard: Standard | null;
  summary: { total: number; meeting: number; rate: number; notAssessed: number; missingByItem: Array<{ key: string; label: string; count: number }> };
}

export interface TourSummary {
  id: string;
  title: string;
  plannedOn: string;
  state: 'planned' | 'in_progress' | 'completed';
  orgName: string;
  stopCount: number;
  scoredCount: number;
  findingCount: number;
}
export interface ChecklistItem {
  key: string;
  label: string;
  maxScore: number;
}
export interface TourStop {
  id: string;
  orgId: string;
  orgName: string;
  seq: number;
  scores: Record<string, number> | null;
  totalScore: number | null;
  rank: number | null;
  comment: string | null;
  photoFileIds: string[];
}
export interface TourFinding {
  id: string;
  stopId: string;
  orgName: string;
  title: string;
  responsibleName: string;
  rectificationItemId: string | null;
  state: string | null;
  deadline: string | null;
  overdue: boolean;
  photoFileIds: string[];
}
export interface TourDetail extends TourSummary {
  checklist: { id: string; name: string; items: ChecklistItem[]; maxTotal: number };
  stops: TourStop[];
  findings: TourFinding[];
}

export interface InstructorDetail {
  id: string;
  name: string;
  hiredOn: string | null;
  status: 'active' | 'left';
  orgCount: number;
  trainingHours: number;
  trainings: Array<{ id: string; kind: string; title: string; heldOn: string; hours: number }>;
  orgs: Array<{ orgId: string; orgName: string; orgKind: string; memberCount: number; centreMeetsStandard: boolean | null; openFindings: number; overdueFindings: number; lastTourScore: number | null }>;
}
export interface InstructorSummary {
  id: string;
  name: string;
  orgCount: number;
  trainingHours: number;
  hiredOn: string | null;
  status: 'active' | 'left';
}

export interface StudyPlan {
  id: string;
  title: string;
  period: string;
  topics: string[];
  materials: string[];
  startsOn: string;
  endsOn: string;
}
export interface StudySession {
  id: string;
  orgName: string;
  kind: string;
  title: string;
  heldOn: string;
  expectedCount: number;
  attendedCount: number;
}
export interface StudyNote {
  id: string;
  memberName: string;
  writtenOn: string;
  content: string;
  photoFileIds: string[];
}
export interface BranchResult {
  drawId: string;
  orgName: string;
  sampleSize: number;
  checked: number;
  passed: number;
  failed: number;
  withoutNotes: string[];
}
export interface Draw {
  id: string;
  orgName: string;
  year: number;
  quarter: number;
  seed: number;
  cycle: number;
  poolSize: number;
  sampleSize: number;
  picks: Array<{ id: string; memberName: string; result: 'pending' | 'pass' | 'fail'; comment: string | null; notesInQuarter: number }>;
}

export interface FeedbackItem {
  id: string;
  inspection: string;
  problem: string;
  measures: string;
  orgName: string;
  responsibleName: string;
  deadline: string;
  state: string | null;
  overdue: boolean;
}
export interface DisciplineRecord {
  id: string;
  memberName: string;
  orgName: string;
  decidedOn: string;
  kind: string;
  outcome: string;
}
export interface Coverage {
  items: Array<{ orgId: string; orgName: string; orgKind: string; supervisorName: string | null }>;
  covered: number;
  total: number;
}

const key = ['party-work'] as const;

export const useCentres = () => useQuery({ queryKey: [...key, 'centres'], queryFn: ({ signal }) => apiGet<CentreList>('/api/service-centres', undefined, signal) });
export const useTours = () => useQuery({ queryKey: [...key, 'tours'], queryFn: ({ signal }) => apiGet<{ items: TourSummary[] }>('/api/tours', undefined, signal) });
export const useTour = (id: string) => useQuery({ queryKey: [...key, 'tours', id], queryFn: ({ signal }) => apiGet<TourDetail>(`/api/tours/${encodeURIComponent(id)}`, undefined, signal) });
export const useInstructors = () => useQuery({ queryKey: [...key, 'instructors'], queryFn: ({ signal }) => apiGet<{ items: InstructorSummary[] }>('/api/instructors', undefined, signal) });
export const useInstructor = (id: string | null) =>
  useQuery({
    queryKey: [...key, 'instructors', id],
    queryFn: ({ signal }) => apiGet<InstructorDetail>(id === 'me' ? '/api/instructors/me' : `/api/instructors/${encodeURIComponent(String(id))}`, undefined, signal),
    enabled: id !== null,
    retry: false,
  });
export const usePlans = () => useQuery({ queryKey: [...key, 'plans'], queryFn: ({ signal }) => apiGet<{ items: StudyPlan[] }>('/api/study/plans', undefined, signal) });
export const useSessions = () =>
  useQuery({ queryKey: [...key, 'sessions'], queryFn: ({ signal }) => apiGet<{ items: StudySession[]; totals: { sessions: number; expected: number; attended: number } }>('/api/study/sessions', undefined, signal) });
export const useNotes = () => useQuery({ queryKey: [...key, 'notes'], queryFn: ({ signal }) => apiGet<{ items: StudyNote[] }>('/api/study/notes', undefined, signal) });
export const useBranchResults = (year: number, quarter: number, enabled: boolean) =>
  useQuery({ queryKey: [...key, 'spot', year, quarter], queryFn: ({ signal }) => apiGet<{ items: BranchResult[] }>('/api/study/spot-checks', { year, quarter }, signal), enabled });
export const useDraw = (id: string | null) =>
  useQuery({ queryKey: [...key, 'draw', id], queryFn: ({ signal }) => apiGet<Draw>(`/api/study/spot-checks/draws/${encodeURIComponent(String(id))}`, undefined, signal), enabled: id !== null });
export const useFeedback = (enabled: boolean) =>
  useQuery({ queryKey: [...key, 'feedback'], queryFn: ({ signal }) => apiGet<{ items: FeedbackItem[]; summary: { total: number; closed: number; overdue: number } }>('/api/discipline/feedback', undefined, signal), enabled });
export const useDisciplineRecords = (enabled: boolean) =>
  useQuery({ queryKey: [...key, 'discipline'], queryFn: ({ signal }) => apiGet<{ items: DisciplineRecord[] }>('/api/discipline/records', undefined, signal), enabled });
export const useCoverage = (enabled: boolean) => useQuery({ queryKey: [...key, 'coverage'], queryFn: ({ signal }) => apiGet<Coverage>('/api/discipline/supervision', undefined, signal), enabled });

function usePartyMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key }) });
}

export const useAssessCentre = () => usePartyMutation(({ id, results }: { id: string; results: Record<string, boolean> }) => apiPost<Centre>(`/api/service-centres/${encodeURIComponent(id)}/assessments`, { results }));
export const useScoreStop = () =>
  usePartyMutation(({ tourId, stopId, scores, comment, photoFileIds }: { tourId: string; stopId: string; scores: Record<string, number>; comment?: string; photoFileIds?: string[] }) =>
    api<TourDetail>(`/api/tours/${encodeURIComponent(tourId)}/stops/${encodeURIComponent(stopId)}/score`, { method: 'PUT', body: { scores, comment, photoFileIds } }),
  );
export const useAddFinding = () =>
  usePartyMutation(
    ({ tourId, stopId, title, responsibleName, workingDays, photoFileIds }: { tourId: string; stopId: string; title: string; responsibleName: string; workingDays: number; photoFileIds?: string[] }) =>
      apiPost<TourDetail>(`/api/tours/${encodeURIComponent(tourId)}/stops/${encodeURIComponent(stopId)}/findings`, { title, responsibleName, deadline: { workingDays }, photoFileIds }),
  );
export const useCompleteTour = () => usePartyMutation((tourId: string) => apiPost<TourDetail>(`/api/tours/${encodeURIComponent(tourId)}/complete`));
export const useCreateNote = () => usePartyMutation((body: { content: string; photoFileIds: string[] }) => apiPost<StudyNote>('/api/study/notes', body));
export const useRecordResult = () =>
  usePartyMutation(({ drawId, pickId, result, comment }: { drawId: string; pickId: string; result: 'pass' | 'fail'; comment?: string }) =>
    api<Draw>(`/api/study/spot-checks/draws/${encodeURIComponent(drawId)}/picks/${encodeURIComponent(pickId)}`, { method: 'PUT', body: { result, comment } }),
  );
export const useDrawQuarter = () => usePartyMutation((body: { year: number; quarter: number; orgId: string }) => apiPost<{ items: Draw[]; skipped: Array<{ orgName: string; reason: string }> }>('/api/study/spot-checks/draws', body));
export const useRecheck = () => usePartyMutation(({ id, reopen, reason }: { id: string; reopen: boolean; reason: string }) => apiPost<unknown>(`/api/discipline/feedback/${encodeURIComponent(id)}/recheck`, { reopen, reason }));
