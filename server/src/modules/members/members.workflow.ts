import { AppError } from '../../platform/errors.js';
import type { MemberAction } from './members.schema.js';
import type { MemberState } from './members.table.js';

/** A member's life in the registry: 在册 → 出党/去世/转出; a transfer-out or leave can be undone (restore). */
const transitions: Record<MemberState, Partial<Record<MemberAction, MemberState>>> = {
  active: { leave: 'left', death: 'deceased', transfer_out: 'transferred_out' },
  left: { restore: 'active' },
  transferred_out: { restore: 'active' },
  deceased: {},
};

export const memberStateLabels: Record<MemberState, string> = {
  active: '在册',
  left: '已出党',
  deceased: '已去世',
  transferred_out: '已转出',
};

const actionLabels: Record<MemberAction, string> = {
  leave: '出党',
  death: '登记去世',
  transfer_out: '转出本街道',
  restore: '恢复在册',
};

export function nextMemberState(from: MemberState, action: MemberAction): MemberState {
  const to = transitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `${memberStateLabels[from]}的党员不能${actionLabels[action]}`);
  return to;
}
