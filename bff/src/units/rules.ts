/** Where a unit may sit in the tree: pure rules, no I/O. */
import { UNIT_LEVELS, type UnitKind, type UnitLevel } from '@mashang/shared';

const rank = (level: UnitLevel): number => UNIT_LEVELS.indexOf(level);

/** Territorial units (governments, street offices, communities) always sit strictly below their parent's level. */
const TERRITORIAL: readonly UnitKind[] = ['government', 'street-office', 'community'];

/**
 * Departments, utilities and organisations may sit at their parent's own level (a city bureau
 * under the city government); territorial units must be a level below (a district under a
 * city). Nothing sits above its parent.
 */
export function placementProblem(child: { level: UnitLevel; kind: UnitKind }, parent: { level: UnitLevel; kind: UnitKind }): string | undefined {
  const diff = rank(child.level) - rank(parent.level);
  if (diff < 0) return '下级单位的层级不能高于上级单位';
  if (diff === 0 && TERRITORIAL.includes(child.kind)) return '属地单位须比上级单位低一个层级';
  return undefined;
}

/** The kind a unit gets when none is given: what its level usually is. */
export function defaultKind(level: UnitLevel): UnitKind {
  if (level === 'street') return 'street-office';
  if (level === 'community') return 'community';
  return 'government';
}

export const pathOf = (ancestors: readonly string[]): string => `,${ancestors.join(',')},`;
