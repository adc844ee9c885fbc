import type { Db } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';
import { createHazard, type HazardCategory } from '../hazards/index.js';

export interface FindingHazardInput {
  orgId: string;
  gridId: string | null;
  category: HazardCategory;
  description: string;
  address: string;
  photoFileIds: string[];
  inspectionId: string;
}

/** Files an inspection finding as a hazard (sourceKind 'inspection', sourceId = the inspection) and returns its id. */
export async function fileFindingAsHazard(tx: Db, ctx: ActorContext, input: FindingHazardInput): Promise<string> {
  // Every read inside runs on the transaction: on the embedded database a read on ctx.db would wait for it.
  const txCtx: ActorContext = { ...ctx, db: tx };
  const { id } = await createHazard(tx, txCtx, {
    category: input.category,
    description: input.description,
    address: input.address,
    ...(input.gridId ? { gridId: input.gridId } : { orgId: input.orgId }),
    photoFileIds: input.photoFileIds,
    sourceKind: 'inspection',
    sourceId: input.inspectionId,
  });
  return id;
}
