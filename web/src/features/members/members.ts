/** The member registry as the API returns it. */

export type MemberCategory = 'formal' | 'probationary';
export type MemberState = 'active' | 'left' | 'deceased' | 'transferred_out';
export type MemberAction = 'leave' | 'death' | 'transfer_out' | 'restore';

export interface MemberSummary {
  id: string;
  orgId: string;
  orgName: string;
  name: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  idNumberMasked: string | null;
  phoneMasked: string | null;
  category: MemberCategory;
  joinDate: string | null;
  posts: string[];
  state: MemberState;
}

export interface MemberTransfer {
  id: string;
  fromOrgId: string;
  fromOrgName: string | null;
  toOrgId: string;
  toOrgName: string | null;
  transferDate: string;
  reason: string | null;
  createdByName: string | null;
}

export interface MemberDetail extends MemberSummary {
  ethnicity: string | null;
  education: string | null;
  regularisedDate: string | null;
  stateDate: string | null;
  stateReason: string | null;
  address: string | null;
  transfers: MemberTransfer[];
}

export interface MemberInput {
  name: string;
  idNumber?: string;
  phone?: string | null;
  ethnicity?: string | null;
  education?: string | null;
  category: MemberCategory;
  joinDate?: string | null;
  regularisedDate?: string | null;
  posts: string[];
  address?: string | null;
}

export interface TransferInput {
  toOrgId: string;
  transferDate?: string;
  reason?: string;
}

export interface ChangeStateInput {
  action: MemberAction;
  date?: string;
  reason: string;
}

export interface ImportRow {
  rowNumber: number;
  name: string;
  idNumberMasked: string | null;
  orgName: string | null;
  category: MemberCategory | null;
  joinDate: string | null;
  fate: 'create' | 'reject';
  reasons: string[];
}

export interface ImportPlan {
  token: string;
  planDigest: string;
  sheetName: string;
  headers: string[];
  rows: ImportRow[];
  summary: { total: number; create: number; reject: number };
}

/** Which status changes the form offers from each state (the server's workflow decides). */
export const actionsFrom: Record<MemberState, MemberAction[]> = {
  active: ['leave', 'death', 'transfer_out'],
  left: ['restore'],
  transferred_out: ['restore'],
  deceased: [],
};

export const stateColors: Record<MemberState, string> = { active: 'green', left: 'default', deceased: 'default', transferred_out: 'orange' };
