import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, type QueryParams } from '../../ui/api';

const base = '/api/livelihood';

export interface Rates {
  phasesPlanned: number;
  phasesStarted: number;
  householdsToResettle: number;
  householdsMovedBack: number;
  unitsAllocated: number;
  unitsSigned: number;
  startRate: number | null;
  moveBackRate: number | null;
  contractRate: number | null;
}

export interface Project {
  id: string;
  orgId: string;
  orgName: string;
  kind: 'resettlement' | 'upgrade';
  name: string;
  investmentFen: number;
  auditState: 'not_audited' | 'auditing' | 'audited';
  auditedFen: number | null;
  landAreaM2: number | null;
  floorAreaM2: number | null;
  sites: string[];
  completedAreaM2: number;
  note: string;
  rates: Rates;
}

export interface Milestone {
  id: string;
  kind: string;
  label: string;
  plannedOn: string | null;
  startedOn: string | null;
  completedOn: string | null;
  late: boolean;
}

export interface Phase {
  id: string;
  name: string;
  buildings: Array<{ id: string; name: string; floors: number; units: number }>;
  milestones: Milestone[];
  rates: Rates;
}

export interface ProjectDetail extends Project {
  phases: Phase[];
}

export function useProjects() {
  return useQuery({ queryKey: ['livelihood', 'projects'], queryFn: ({ signal }) => apiGet<{ items: Project[]; street: Rates }>(`${base}/resettlement/projects`, undefined, signal) });
}

export function useProject(id: string | null) {
  return useQuery({ queryKey: ['livelihood', 'project', id], enabled: id !== null, queryFn: ({ signal }) => apiGet<ProjectDetail>(`${base}/resettlement/projects/${String(id)}`, undefined, signal) });
}

export interface Campaign {
  id: string;
  name: string;
  orgName: string;
  startsOn: string;
  endsOn: string | null;
  goal: string;
  tasksTotal: number;
  tasksDone: number;
}
export interface CampaignTotal {
  period: string;
  item: string;
  label: string;
  unit: string;
  kind: string;
  quantity: number;
}
export interface CampaignTask {
  id: string;
  orgName: string;
  title: string;
  targetKind: string;
  targetName: string;
  dueOn: string | null;
  doneOn: string | null;
}
export interface QuantityLine {
  id: string;
  orgName: string;
  day: string;
  label: string;
  unit: string;
  quantity: number;
}

export function useCampaigns() {
  return useQuery({ queryKey: ['livelihood', 'campaigns'], queryFn: ({ signal }) => apiGet<{ items: Campaign[] }>(`${base}/campaigns`, undefined, signal) });
}
export function useCampaignTotals(id: string | undefined, period: 'all' | 'month') {
  return useQuery({ queryKey: ['livelihood', 'campaign', id, 'totals', period], enabled: Boolean(id), queryFn: ({ signal }) => apiGet<{ items: CampaignTotal[] }>(`${base}/campaigns/${String(id)}/totals`, { period }, signal) });
}
export function useCampaignTasks(id: string | undefined) {
  return useQuery({ queryKey: ['livelihood', 'campaign', id, 'tasks'], enabled: Boolean(id), queryFn: ({ signal }) => apiGet<{ items: CampaignTask[] }>(`${base}/campaigns/${String(id)}/tasks`, undefined, signal) });
}
export function useCampaignLines(id: string | undefined, page: number) {
  return useQuery({
    queryKey: ['livelihood', 'campaign', id, 'lines', page],
    enabled: Boolean(id),
    queryFn: ({ signal }) => apiGet<{ items: QuantityLine[]; total: number }>(`${base}/campaigns/${String(id)}/quantities`, { page, pageSize: 20 }, signal),
  });
}

function useLivelihoodMutation<Input, Output>(fn: (input: Input) => Promise<Output>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['livelihood'] }) });
}

export const useRecordQuantity = () =>
  useLivelihoodMutation(({ campaignId, ...body }: { campaignId: string; orgId: string; day: string; item: string; quantity: number }) => apiPost<{ id: string }>(`${base}/campaigns/${campaignId}/quantities`, body));

export interface OrgOption {
  id: string;
  name: string;
  kind: string;
}
export function useOrgOptions() {
  return useQuery({ queryKey: ['livelihood', 'orgs'], queryFn: ({ signal }) => apiGet<{ items: OrgOption[] }>('/api/orgs/tree', undefined, signal) });
}

export interface CobuildUnit {
  id: string;
  name: string;
  orgName: string;
  contactName: string;
  contactPhoneMasked: string | null;
  reportedOrgName: string | null;
  reportedOn: string | null;
  agreements: number;
  memberReports: number;
  projects: number;
}
export interface Need {
  id: string;
  orgName: string;
  title: string;
  description: string;
  category: string;
  state: 'open' | 'matched' | 'closed';
  postedOn: string;
}
export interface Resource {
  id: string;
  unitName: string;
  title: string;
  category: string;
  description: string;
  offeredOn: string;
}
export interface CobuildProject {
  id: string;
  title: string;
  unitName: string;
  orgName: string;
  state: 'claimed' | 'delivered' | 'rated';
  claimedOn: string;
  deliveredOn: string | null;
  beneficiaries: number;
  rating: number | null;
}
export function useCobuild<T>(what: 'units' | 'needs' | 'resources' | 'projects') {
  return useQuery({ queryKey: ['livelihood', 'cobuild', what], queryFn: ({ signal }) => apiGet<{ items: T[] }>(`${base}/cobuild/${what}`, undefined, signal) });
}
export const useClaimNeed = () => useLivelihoodMutation((id: string) => apiPost<{ id: string }>(`${base}/cobuild/needs/${id}/claim`, {}));
export const useDeliverProject = () =>
  useLivelihoodMutation(({ id, ...body }: { id: string; date: string; note: string; beneficiaries: number }) => apiPost<null>(`${base}/cobuild/projects/${id}/deliver`, { ...body, evidenceFileIds: [] }));
export const useRateProject = () => useLivelihoodMutation(({ id, rating }: { id: string; rating: number }) => apiPost<null>(`${base}/cobuild/projects/${id}/rate`, { rating }));
export const useCreateNeed = () => useLivelihoodMutation((body: { orgId: string; title: string; category: string; description: string }) => apiPost<{ id: string }>(`${base}/cobuild/needs`, body));
export const useCreateResource = () => useLivelihoodMutation((body: { title: string; category: string; description: string }) => apiPost<{ id: string }>(`${base}/cobuild/resources`, body));
export interface UnitReport {
  unitName: string;
  year: number;
  summary: string;
}
export function useUnitReport(id: string | null, year: number) {
  return useQuery({ queryKey: ['livelihood', 'unit-report', id, year], enabled: id !== null, queryFn: ({ signal }) => apiGet<UnitReport>(`${base}/cobuild/units/${String(id)}/report`, { year }, signal) });
}

export interface ResidentRequest {
  id: string;
  orgName: string;
  kind: 'request' | 'wish';
  title: string;
  content: string;
  contactName: string;
  phoneMasked: string;
  trackingCode: string;
  state: 'submitted' | 'accepted' | 'dispatched' | 'answered' | 'rated' | 'rejected';
  submittedAt: string;
  assigneeName: string | null;
  answer: string | null;
  rating: number | null;
  rejectReason: string | null;
  canClaim: boolean;
  canFulfil: boolean;
}
export function useRequests(query: QueryParams) {
  return useQuery({ queryKey: ['livelihood', 'requests', query], queryFn: ({ signal }) => apiGet<{ items: ResidentRequest[]; total: number }>(`${base}/requests`, query, signal) });
}
export interface RequestRateRow {
  orgId: string;
  orgName: string;
  submitted: number;
  responseRate: number | null;
  resolveRate: number | null;
  satisfactionRate: number | null;
}
export function useRequestRates(from: string, to: string) {
  return useQuery({ queryKey: ['livelihood', 'request-rates', from, to], queryFn: ({ signal }) => apiGet<{ items: RequestRateRow[] }>(`${base}/requests/rates`, { from, to }, signal) });
}
export const useRequestAction = () =>
  useLivelihoodMutation(({ id, action, body }: { id: string; action: 'accept' | 'reject' | 'dispatch' | 'answer' | 'claim'; body?: unknown }) => apiPost<ResidentRequest>(`${base}/requests/${id}/${action}`, body ?? {}));

// Public (no login): the resident's form and follow-up.
const publicBase = (code: string) => `${base}/public/${encodeURIComponent(code)}`;
export interface PublicRequest {
  trackingCode: string;
  kind: 'request' | 'wish';
  title: string;
  orgName: string;
  state: ResidentRequest['state'];
  assigneeName: string | null;
  answer: string | null;
  rejectReason: string | null;
  rating: number | null;
}
export function usePublicOrgs(code: string) {
  return useQuery({ queryKey: ['public', code, 'orgs'], queryFn: ({ signal }) => apiGet<{ streetName: string; items: Array<{ id: string; name: string }> }>(`${publicBase(code)}/orgs`, undefined, signal) });
}
export function useChallenge(code: string) {
  return useQuery({ queryKey: ['public', code, 'challenge'], staleTime: 5 * 60 * 1000, queryFn: ({ signal }) => apiGet<{ question: string; token: string }>(`${publicBase(code)}/challenge`, undefined, signal) });
}
export function useSubmitPublic(code: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPost<{ trackingCode: string; phoneMasked: string }>(`${publicBase(code)}/requests`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: ['public', code, 'challenge'] }),
  });
}
export function useTrack(code: string) {
  return useMutation({ mutationFn: ({ tracking, last4 }: { tracking: string; last4: string }) => apiGet<PublicRequest>(`${publicBase(code)}/requests/${encodeURIComponent(tracking)}`, { last4 }) });
}
export function useRatePublic(code: string) {
  return useMutation({ mutationFn: ({ tracking, last4, rating }: { tracking: string; last4: string; rating: number }) => apiPost<PublicRequest>(`${publicBase(code)}/requests/${encodeURIComponent(tracking)}/rating`, { last4, rating }) });
}

export const ledgerUrl = (id: string) => `${base}/ledgers/${id}`;
export const percentText = (v: number | null) => (v === null ? '—' : `${v}%`);
