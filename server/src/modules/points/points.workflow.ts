import { AppError } from '../../platform/errors.js';
import type { ClaimState } from './points.table.js';

export type ClaimAction = 'approve' | 'reject' | 'withdraw' | 'reverse';

/** A claim's allowed moves; a posted claim is only ever undone by a reversing ledger entry. */
const transitions: Record<ClaimState, Partial<Record<ClaimAction, ClaimState>>> = {
  pending: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { reverse: 'reversed' },
  rejected: {},
  withdrawn: {},
  reversed: {},
};

export const claimStateLabels: Record<ClaimState, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已退回',
  withdrawn: '已撤回',
  reversed: '已冲销',
};

export function canMove(from: ClaimState, action: ClaimAction): boolean {
  return transitions[from][action] !== undefined;
}

export function nextClaimState(from: ClaimState, action: ClaimAction): ClaimState {
  const to = transitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `该申报${claimStateLabels[from]}，不能再处理`);
  return to;
}
