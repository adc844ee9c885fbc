import type { Db } from '../../platform/db.js';
import type { ActorContext } from '../../platform/request-context.js';

export interface FindingHazardInput {
  orgId: string;
  gridId: string | null;
  title: string;
  description: string;
  location: string;
  photoFileIds: string[];
  inspectionId: string;
  index: number;
}

/** Files an inspection finding as a hazard (sourceKind 'inspection') and returns the hazard id. */
export async function fileFindingAsHazard(_tx: Db, _ctx: ActorContext, _input: FindingHazardInput): Promise<string | null> {
  // Placeholder until modules/hazards exports createHazard.
  return null;
}
