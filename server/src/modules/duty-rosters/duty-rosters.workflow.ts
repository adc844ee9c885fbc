import { AppError } from '../../platform/errors.js';
import type { AssignmentState } from './duty-rosters.table.js';

export type AssignmentAction = 'check_in' | 'check_out' | 'cancel';

const transitions: Record<AssignmentState, Partial<Record<AssignmentAction, AssignmentState>>> = {
  signed_up: { check_in: 'checked_in', cancel: 'cancelled' },
  checked_in: { check_out: 'completed' },
  completed: {},
  cancelled: {},
};

const labels: Record<AssignmentState, string> = { signed_up: '已报名', checked_in: '已签到', completed: '已完成', cancelled: '已取消' };

export function nextAssignmentState(from: AssignmentState, action: AssignmentAction): AssignmentState {
  const to = transitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `该值班${labels[from]}，不能执行此操作`);
  return to;
}
