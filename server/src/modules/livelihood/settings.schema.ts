import { z } from 'zod';
import { contractBases, milestoneKinds, moveBackBases, startedWhenOptions } from './resettlement.table.js';

/** The street's rate definitions as stored; `version` counts the changes (1 = never changed). */
export const settingsResponse = z.object({
  startedMilestone: z.enum(milestoneKinds),
  startedWhen: z.enum(startedWhenOptions),
  contractBasis: z.enum(contractBases),
  moveBackBasis: z.enum(moveBackBases),
  satisfiedMinRating: z.number().int(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type SettingsResponse = z.infer<typeof settingsResponse>;

export const updateSettingsBody = z.object({
  startedMilestone: z.enum(milestoneKinds, '请选择计为开工的节点'),
  startedWhen: z.enum(startedWhenOptions, '请选择以节点开始还是完成计为开工'),
  contractBasis: z.enum(contractBases, '请选择网签率的分母'),
  moveBackBasis: z.enum(moveBackBases, '请选择回迁率的分母'),
  satisfiedMinRating: z.number().int('评分须为整数').min(1, '满意评分须在1到5之间').max(5, '满意评分须在1到5之间'),
  /** The version the editor saw; a stale one is refused so two admins do not overwrite each other. */
  version: z.number().int().min(1),
  reason: z.string().trim().max(200).default(''),
});
export type UpdateSettingsBody = z.infer<typeof updateSettingsBody>;
