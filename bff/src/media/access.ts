import type { AppDeps } from '../app';
import type { CitizenActor, StaffActor } from '../http/route';
import { parseObjectKey } from '../storage/object-key';

export type MediaReader = CitizenActor | StaffActor;

/**
 * The port deciding who may read an object. The ticket workflow supplies the real rule
 * (the owner, and staff who may see the ticket the object is attached to — see
 * `ticketOfMedia`); until then only the citizen who uploaded it may.
 */
export type CanReadMedia = (deps: AppDeps, actor: MediaReader, key: string) => Promise<boolean>;

export const ownerOnly: CanReadMedia = async (_deps, actor, key) => actor.kind === 'citizen' && parseObjectKey(key)?.citizenId === actor.id;
