import { z } from 'zod';
import { sessionKinds, spotCheckResults } from './study.table.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

export const idParams = z.object({ id: z.string().uuid('无效的编号') });

export const planResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  title: z.string(),
  period: z.string(),
  topics: z.array(z.string()),
  materials: z.array(z.string()),
  startsOn: z.string(),
  endsOn: z.string(),
});
export const planListResponse = z.object({ items: z.array(planResponse) });
export const createPlanBody = z
  .object({
    title: z.string().trim().min(1).max(100),
    period: z.string().trim().min(1).max(30),
    topics: z.array(z.string().trim().min(1).max(100)).min(1, '至少一个学习专题').max(30),
    materials: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .refine((p) => p.startsOn <= p.endsOn, { message: '结束日期不能早于开始日期', path: ['endsOn'] });
export type CreatePlanBody = z.infer<typeof createPlanBody>;

export const sessionResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  planId: z.string().nullable(),
  kind: z.enum(sessionKinds),
  title: z.string(),
  heldOn: z.string(),
  expectedCount: z.number().int(),
  attendedCount: z.number().int(),
});
export const sessionListQuery = z.object({ from: isoDate.optional(), to: isoDate.optional() });
export const sessionListResponse = z.object({ items: z.array(sessionResponse), totals: z.object({ sessions: z.number().int(), expected: z.number().int(), attended: z.number().int() }) });
export const createSessionBody = z.object({
  orgId: z.string().uuid(),
  planId: z.string().uuid().optional(),
  kind: z.enum(sessionKinds),
  title: z.string().trim().min(1).max(100),
  heldOn: isoDate,
  attendeeMemberIds: z.array(z.string().uuid()).max(2000),
});
export type CreateSessionBody = z.infer<typeof createSessionBody>;

export const noteResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  planId: z.string().nullable(),
  writtenOn: z.string(),
  content: z.string(),
  photoFileIds: z.array(z.string()),
  createdAt: z.string(),
});
export const noteListResponse = z.object({ items: z.array(noteResponse) });
export const createNoteBody = z
  .object({
    planId: z.string().uuid().optional(),
    writtenOn: isoDate.optional(),
    content: z.string().trim().max(5000).default(''),
    photoFileIds: z.array(z.string().uuid()).max(9).default([]),
  })
  .refine((n) => n.content.length > 0 || n.photoFileIds.length > 0, { message: '请填写笔记内容或上传照片', path: ['content'] });
export type CreateNoteBody = z.infer<typeof createNoteBody>;

export const quarterQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100), quarter: z.coerce.number().int().min(1).max(4) });
export const drawBody = quarterQuery.extend({ orgId: z.string().uuid() });
export type DrawBody = z.infer<typeof drawBody>;

export const pickResponse = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  seq: z.number().int(),
  cycle: z.number().int(),
  result: z.enum(spotCheckResults),
  comment: z.string().nullable(),
  notesInQuarter: z.number().int(),
  checkedAt: z.string().nullable(),
});
export const drawResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  quarter: z.number().int(),
  seed: z.number().int(),
  cycle: z.number().int(),
  poolSize: z.number().int(),
  sampleSize: z.number().int(),
  drawnAt: z.string(),
  picks: z.array(pickResponse),
});
export type DrawResponse = z.infer<typeof drawResponse>;
export const drawManyResponse = z.object({ items: z.array(drawResponse), skipped: z.array(z.object({ orgId: z.string(), orgName: z.string(), reason: z.string() })) });

export const branchResultResponse = z.object({
  items: z.array(
    z.object({
      drawId: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      sampleSize: z.number().int(),
      checked: z.number().int(),
      passed: z.number().int(),
      failed: z.number().int(),
      withoutNotes: z.array(z.string()),
    }),
  ),
});

export const recordResultBody = z.object({ result: z.enum(['pass', 'fail']), comment: z.string().trim().max(500).optional() });
export type RecordResultBody = z.infer<typeof recordResultBody>;
export const pickParams = z.object({ id: z.string().uuid(), pickId: z.string().uuid() });

export const verifyResponse = z.object({ matches: z.boolean(), stored: z.array(z.string()), recomputed: z.array(z.string()) });
