import type { HazardStatus, RectificationState } from './hooks';

export const hazardStatusColors: Record<HazardStatus, string> = {
  pending: 'gold',
  fixed: 'green',
  rectifying: 'blue',
  closed: 'green',
  merged: 'default',
};

export const rectificationStateColors: Record<RectificationState, string> = {
  open: 'default',
  assigned: 'gold',
  rectifying: 'blue',
  awaiting_verification: 'purple',
  closed: 'green',
};

export const lightColors = { green: 'green', yellow: 'gold', red: 'red', none: 'default' } as const;
