import { AppError } from '../../platform/errors.js';
import type { RequestState } from './requests.table.js';

export type RequestAction = 'accept' | 'reject' | 'dispatch' | 'claim' | 'answer' | 'rate';

/** 诉求/微心愿 life cycle: accepted by the community, dispatched (or a wish claimed), answered, rated by the resident. */
const transitions: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  submitted: { accept: 'accepted', reject: 'rejected', claim: 'dispatched' },
  accepted: { dispatch: 'dispatched', answer: 'answered', claim: 'dispatched' },
  dispatched: { answer: 'answered' },
  answered: { rate: 'rated' },
  rated: {},
  rejected: {},
};

const stateLabels: Record<RequestState, string> = {
  submitted: '待受理',
  accepted: '已受理',
  dispatched: '办理中',
  answered: '已答复',
  rated: '已评价',
  rejected: '不予受理',
};

const actionLabels: Record<RequestAction, string> = { accept: '受理', reject: '不予受理', dispatch: '派单', claim: '认领', answer: '答复', rate: '评价' };

export function nextRequestState(from: RequestState, action: RequestAction): RequestState {
  const to = transitions[from][action];
  if (!to) throw new AppError('INVALID_STATE', `${stateLabels[from]}的诉求不能${actionLabels[action]}`);
  return to;
}
