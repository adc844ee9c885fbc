import { AppError } from '../../platform/errors.js';
import type { RectificationAction, RectificationState } from './rectification.table.js';

/** The rectification state machine as data: which action moves an item from which state to which. */
export const rectificationTransitions: Record<RectificationState, Partial<Record<RectificationAction, RectificationState>>> = {
  open: { assign: 'assigned' },
  assigned: {
    assign: 'assigned',
    start: 'rectifying',
    request_extension: 'assigned',
    approve_extension: 'assigned',
    reject_extension: 'assigned',
  },
  rectifying: {
    submit: 'awaiting_verification',
    request_extension: 'rectifying',
    approve_extension: 'rectifying',
    reject_extension: 'rectifying',
  },
  awaiting_verification: { verify: 'closed', return: 'rectifying' },
  closed: { reopen: 'rectifying' },
};

export const rectificationStateLabels: Record<RectificationState, string> = {
  open: '待交办',
  assigned: '已交办',
  rectifying: '整改中',
  awaiting_verification: '待验收',
  closed: '已销号',
};

export const rectificationActionLabels: Record<RectificationAction, string> = {
  open: '立项',
  assign: '交办',
  start: '开始整改',
  submit: '提交整改',
  verify: '验收销号',
  return: '退回重改',
  reopen: '重新打开',
  request_extension: '申请延期',
  approve_extension: '批准延期',
  reject_extension: '驳回延期',
};

/** Checks a move against the table and returns the state it leads to. */
export function nextRectificationState(from: RectificationState, action: RectificationAction): RectificationState {
  const to = rectificationTransitions[from][action];
  if (!to) {
    throw new AppError('INVALID_STATE', `「${rectificationStateLabels[from]}」状态的整改事项不能${rectificationActionLabels[action]}`, { from, action });
  }
  return to;
}

/** Actions allowed from a state (for the UI's buttons). */
export function allowedRectificationActions(from: RectificationState): RectificationAction[] {
  return Object.keys(rectificationTransitions[from]) as RectificationAction[];
}
