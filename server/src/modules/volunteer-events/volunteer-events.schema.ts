import { z } from 'zod';
import { pageQuery } from '../../platform/pagination.js';
import { eventStates, signupStates } from './volunteer-events.table.js';

const uuid = z.string().uuid('无效的编号');
const isoDateTime = z.string().datetime({ offset: true, message: '时间格式无效' });

export const eventIdParams = z.object({ id: uuid });

export const createEventBody = z
  .object({
    orgId: uuid,
    title: z.string().trim().min(1, '请填写活动名称').max(100),
    organiser: z.string().trim().min(1, '请填写组织者').max(100),
    place: z.string().trim().min(1, '请填写活动地点').max(200),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    capacity: z.number().int().min(1, '名额至少为1').max(1000),
  })
  .refine((b) => new Date(b.endsAt) > new Date(b.startsAt), { message: '结束时间应晚于开始时间', path: ['endsAt'] });
export type CreateEventBody = z.infer<typeof createEventBody>;

export const listEventsQuery = pageQuery.extend({
  state: z.enum(eventStates).optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});
export type ListEventsQuery = z.infer<typeof listEventsQuery>;

export const eventResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  organiser: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number(),
  registered: z.number(),
  waitlisted: z.number(),
  peopleServed: z.number(),
  state: z.enum(eventStates),
  /** My own sign-up, when the viewer is a member. */
  mySignup: z.object({ id: z.string(), state: z.enum(signupStates), checkInAt: z.string().nullable(), checkOutAt: z.string().nullable() }).nullable(),
});
export type EventResponse = z.infer<typeof eventResponse>;
export const eventListResponse = z.object({ items: z.array(eventResponse), total: z.number(), page: z.number(), pageSize: z.number() });

export const signupResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  state: z.enum(signupStates),
  checkInAt: z.string().nullable(),
  checkInBy: z.enum(['qr', 'organiser']).nullable(),
  checkOutAt: z.string().nullable(),
  autoClosed: z.boolean(),
  minutes: z.number().nullable(),
});
export type SignupResponse = z.infer<typeof signupResponse>;
export const eventDetailResponse = eventResponse.extend({
  signups: z.array(signupResponse),
  /** Only for organisers: the URL the event's QR code encodes. */
  checkInUrl: z.string().nullable(),
  totalMinutes: z.number(),
});
export const checkInBody = z.object({ token: z.string().min(1, '缺少签到码').max(200) });
export const organiserCheckInBody = z.object({ memberId: uuid });
export const closeEventBody = z.object({ peopleServed: z.number().int().min(0).max(100000) });
