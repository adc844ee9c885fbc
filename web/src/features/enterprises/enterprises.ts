/** Shapes the enterprise and environment APIs answer with (server/src/modules/enterprises|environment/*.schema.ts). */
export type EnterpriseCategory = 'production' | 'key_unit' | 'workshop' | 'training_institution';
export const enterpriseCategories: EnterpriseCategory[] = ['key_unit', 'training_institution', 'production', 'workshop'];
export const inspectionDepartments = ['教体局', '消防', '派出所', '食药监', '安监', '环保', '住建', '市场监管'];
export const findingCategories = ['fire', 'production', 'gas', 'sanitation', 'environment', 'other'] as const;

export interface Enterprise {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  category: EnterpriseCategory;
  creditCode: string | null;
  address: string;
  industry: string | null;
  contactName: string | null;
  contactPhoneMasked: string | null;
  status: 'operating' | 'banned' | 'closed';
  bannedOn: string | null;
  bannedReason: string | null;
  lastInspectedOn: string | null;
  inspectionCount: number;
}

export interface Inspection {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  inspectedOn: string;
  topic: string;
  departments: string[];
  joint: boolean;
  inspectorName: string;
  summary: string | null;
  findingCount: number;
  findings: Array<{ id: string; description: string; hazardId: string | null }>;
}

export interface InspectionInput {
  inspectedOn: string;
  topic: string;
  departments: string[];
  summary?: string;
  findings: Array<{ description: string; category: (typeof findingCategories)[number] }>;
}

export const checklistKeys = ['waterCut', 'powerCut', 'materialsCleared', 'equipmentCleared', 'productsCleared'] as const;
export type Checklist = Record<(typeof checklistKeys)[number], boolean>;
export type PollutionState = 'listed' | 'remediating' | 'signed_off' | 'rebound';

export interface Pollution {
  id: string;
  orgName: string;
  name: string;
  address: string;
  problem: string;
  treatment: 'shutdown' | 'relocation' | 'upgrade';
  state: PollutionState;
  checklist: Checklist;
  checklistComplete: boolean;
  signedOffOn: string | null;
  nextRecheckOn: string | null;
}

export const siteStandardKeys = ['fencing', 'stockpileCovered', 'vehicleWashing', 'groundHardened', 'wetDemolition', 'sealedTransport', 'monitoringInstalled', 'machineryCompliant'] as const;
export type SiteChecks = Record<(typeof siteStandardKeys)[number], boolean>;

export interface Site {
  id: string;
  orgName: string;
  name: string;
  address: string;
  stationedWorkerName: string | null;
  lastCheckedOn: string | null;
  lastAllMet: boolean | null;
}

export interface SiteCheckResult {
  id: string;
  allMet: boolean;
  rectification: { itemId: string; state: string; deadline: string; overdue: boolean } | null;
}

export type EntryState = 'submitted' | 'under_review' | 'approved' | 'refused';
export interface EntryApplication {
  id: string;
  orgName: string;
  applicantName: string;
  industry: string;
  address: string;
  state: EntryState;
  industryOk: boolean | null;
  planningOk: boolean | null;
  environmentOk: boolean | null;
  decisionReason: string | null;
  submittedOn: string;
}

export interface Drill {
  id: string;
  orgId: string;
  orgName: string;
  enterpriseId: string | null;
  heldOn: string;
  title: string;
  location: string;
  participants: number;
  notes: string | null;
}
