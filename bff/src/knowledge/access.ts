/**
 * Who may maintain which entries: platform admins and operators keep the whole knowledge base;
 * a unit's handler keeps only its own unit's entries (001 §18: units keep their answers current).
 */
import type { StaffRole } from '@mashang/shared';
import type { StaffActor } from '../http/route';
import { forbidden, notFound } from '../http/errors';
import type { KnowledgeEntry } from './model';

export const KNOWLEDGE_EDITORS: readonly StaffRole[] = ['admin', 'operator', 'handler'];

const manageAll = (actor: StaffActor): boolean => actor.roles.includes('admin') || actor.roles.includes('operator');

/** The units whose entries the actor may list and maintain; undefined = all. */
export function ownUnits(actor: StaffActor): ReadonlySet<string> | undefined {
  if (manageAll(actor)) return undefined;
  return new Set(actor.unit ? [actor.unit] : []);
}

/** Published entries are public; drafts and retired entries only to their keepers. */
export function assertVisible(actor: StaffActor, entry: KnowledgeEntry): void {
  const units = ownUnits(actor);
  if (entry.status !== 'published' && units && !units.has(entry.unit)) throw notFound('知识条目', 'KNOWLEDGE_NOT_FOUND');
}

export function assertMayEdit(actor: StaffActor, entry: KnowledgeEntry): void {
  assertVisible(actor, entry);
  const units = ownUnits(actor);
  if (units && !units.has(entry.unit)) throw forbidden('只能维护本单位的知识条目', 'KNOWLEDGE_OTHER_UNIT');
}

/** The unit a new or moved entry belongs to: a handler's own unit, or the one named. */
export function targetUnit(actor: StaffActor, requested: string | undefined): string {
  const units = ownUnits(actor);
  if (!units) {
    if (!requested) throw forbidden('请指定知识条目的所属单位', 'KNOWLEDGE_UNIT_REQUIRED');
    return requested;
  }
  if (!actor.unit) throw forbidden('账号未关联单位，不能维护知识库', 'KNOWLEDGE_NO_UNIT');
  if (requested && requested !== actor.unit) throw forbidden('只能维护本单位的知识条目', 'KNOWLEDGE_OTHER_UNIT');
  return actor.unit;
}
