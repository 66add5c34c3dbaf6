import { getScene } from './api';
import { readStored, STORAGE_KEYS, writeStored } from './storage';
import type { SceneView, UnitRef } from './types';

/** The code point just scanned, remembered so the submit page does not count a second scan. */
export function rememberScene(view: SceneView): void {
  writeStored(STORAGE_KEYS.pendingScene, view);
}

export async function sceneFor(scene: string): Promise<SceneView> {
  const known = readStored<SceneView>(STORAGE_KEYS.pendingScene);
  if (known?.scene === scene) return known;
  const view = await getScene(scene);
  rememberScene(view);
  return view;
}

/** A unit's display name; a bare database id is not a name a citizen can read, so it shows nothing. */
export function unitName(unit: UnitRef | string | null | undefined): string | undefined {
  if (!unit) return undefined;
  if (typeof unit !== 'string') return unit.name;
  return /^[0-9a-f]{24}$/i.test(unit) ? undefined : unit;
}

export function categoryNames(view: SceneView): string[] {
  return (view.categories ?? []).map((c) => c.name).filter(Boolean);
}
