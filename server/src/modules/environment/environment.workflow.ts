import { AppError } from '../../platform/errors.js';
import type { EntryApplicationState, PollutionState } from './environment.table.js';

export type PollutionAction = 'start' | 'sign_off' | 'recheck_pass' | 'recheck_fail';

/** 散乱污 treatment as data: a failed re-check sends a signed-off enterprise back (反弹) and remediation starts again. */
export const pollutionTransitions: Record<PollutionState, Partial<Record<PollutionAction, PollutionState>>> = {
  listed: { start: 'remediating' },
  remediating: { sign_off: 'signed_off' },
  signed_off: { recheck_pass: 'signed_off', recheck_fail: 'rebound' },
  rebound: { start: 'remediating' },
};

export const pollutionStateLabels: Record<PollutionState, string> = {
  listed: '已建档',
  remediating: '整治中',
  signed_off: '已销号',
  rebound: '已反弹',
};

const pollutionActionLabels: Record<PollutionAction, string> = {
  start: '开始整治',
  sign_off: '销号',
  recheck_pass: '登记复查',
  recheck_fail: '登记复查',
};

export function nextPollutionState(from: PollutionState, action: PollutionAction): PollutionState {
  const to = pollutionTransitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `「${pollutionStateLabels[from]}」的企业不能${pollutionActionLabels[action]}`, { from, action });
  return to;
}

export type EntryAction = 'review' | 'approve' | 'refuse';

/** 联审联批 as data: conditions are reviewed (repeatably) before the application is approved or refused. */
export const entryTransitions: Record<EntryApplicationState, Partial<Record<EntryAction, EntryApplicationState>>> = {
  submitted: { review: 'under_review' },
  under_review: { review: 'under_review', approve: 'approved', refuse: 'refused' },
  approved: {},
  refused: {},
};

export const entryStateLabels: Record<EntryApplicationState, string> = {
  submitted: '已受理',
  under_review: '联审中',
  approved: '准予进驻',
  refused: '不予进驻',
};

const entryActionLabels: Record<EntryAction, string> = { review: '联审', approve: '批准', refuse: '驳回' };

export function nextEntryState(from: EntryApplicationState, action: EntryAction): EntryApplicationState {
  const to = entryTransitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `「${entryStateLabels[from]}」的申请不能${entryActionLabels[action]}`, { from, action });
  return to;
}
