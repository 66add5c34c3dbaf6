import type { AppDeps } from '../app';
import type { CitizenActor, StaffActor } from '../http/route';
import { uploadModel } from '../uploads/model';

export type MediaReader = CitizenActor | StaffActor;

/**
 * The port deciding who may read an object. The ticket workflow supplies the real rule
 * (the owner, and staff who may see the ticket the object is attached to — see
 * `ticketOfMedia`); until then only the citizen who uploaded it may.
 */
export type CanReadMedia = (deps: AppDeps, actor: MediaReader, key: string) => Promise<boolean>;

/** The uploader, as its upload record says (keys name no owner). */
export const ownerOnly: CanReadMedia = async (deps, actor, key) => {
  if (actor.kind !== 'citizen') return false;
  const record = await uploadModel(deps.db).findById(key, { citizenId: 1 }).lean<{ citizenId?: string }>();
  return record?.citizenId === actor.id;
};
