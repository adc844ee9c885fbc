import { AppError } from '../../platform/errors.js';
import type { TourState } from './tours.table.js';

export type TourAction = 'start' | 'complete';

/** A tour is planned, then under way once the first stop is scored, then completed when every stop is scored. */
const transitions: Record<TourState, Partial<Record<TourAction, TourState>>> = {
  planned: { start: 'in_progress' },
  in_progress: { complete: 'completed' },
  completed: {},
};

export const tourStateLabels: Record<TourState, string> = { planned: '计划中', in_progress: '观摩中', completed: '已完成' };

export function nextTourState(from: TourState, action: TourAction): TourState {
  const to = transitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `${tourStateLabels[from]}的观摩不能${action === 'start' ? '开始' : '完成'}`);
  return to;
}
