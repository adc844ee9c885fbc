import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { assignmentStates, shiftStates } from './duty-rosters.table.js';

const uuid = z.string().uuid('无效的编号');
const isoDateTime = z.string().datetime({ offset: true, message: '时间格式无效' });

export const shiftIdParams = z.object({ id: uuid });

export const createShiftBody = z
  .object({
    orgId: uuid,
    title: z.string().trim().min(1, '请填写值班名称').max(100),
    place: z.string().trim().min(1, '请填写值班地点').max(200),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    slots: z.number().int().min(1, '名额至少为1').max(200),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { message: '结束时间应晚于开始时间', path: ['endsAt'] });
export type CreateShiftBody = z.infer<typeof createShiftBody>;

export const listShiftsQuery = pageQuery.extend({
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ListShiftsQuery = z.infer<typeof listShiftsQuery>;

export const assignmentResponse = z.object({
  id: z.string(),
  shiftId: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  source: z.enum(['signup', 'assigned']),
  state: z.enum(assignmentStates),
  checkInAt: z.string().nullable(),
  checkOutAt: z.string().nullable(),
});
export type AssignmentResponse = z.infer<typeof assignmentResponse>;

export const shiftResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  slots: z.number(),
  taken: z.number(),
  state: z.enum(shiftStates),
});
export type ShiftResponse = z.infer<typeof shiftResponse>;
export const shiftListResponse = z.object({ items: z.array(shiftResponse), total: z.number(), page: z.number(), pageSize: z.number() });
export const shiftDetailResponse = shiftResponse.extend({ assignments: z.array(assignmentResponse) });
export const assignBody = z.object({ memberId: uuid });
export const myAssignmentsResponse = z.object({ items: z.array(assignmentResponse.extend({ shift: shiftResponse })) });
