import type { AppDeps } from '../app';
import type { CitizenActor, StaffActor } from '../http/route';
import { uploadModel } from '../uploads/model';
import { staffUploader } from '../uploads/service';

export type MediaReader = CitizenActor | StaffActor;

/**
 * The port deciding who may read an object. The ticket workflow supplies the real rule
 * (the owner, and staff who may see the ticket the object is attached to — see
 * `ticketOfMedia`); until then only the citizen who uploaded it may.
 */
export type CanReadMedia = (deps: AppDeps, actor: MediaReader, key: string) => Promise<boolean>;

/** The uploader, citizen or staff member, as its upload record says (keys name no owner). */
export const ownerOnly: CanReadMedia = async (deps, actor, key) => {
  const record = await uploadModel(deps.db).findById(key, { citizenId: 1 }).lean<{ citizenId?: string }>();
  return record?.citizenId === (actor.kind === 'citizen' ? actor.id : staffUploader(actor.id));
};
