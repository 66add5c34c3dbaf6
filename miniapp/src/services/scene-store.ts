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

export function unitName(unit: UnitRef | string | null | undefined): string | undefined {
  if (!unit) return undefined;
  return typeof unit === 'string' ? unit : unit.name;
}

export function categoryNames(view: SceneView): string[] {
  return (view.categories ?? []).map((c) => (typeof c === 'string' ? c : (c.name ?? c.label ?? ''))).filter(Boolean);
}
