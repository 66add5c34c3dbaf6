import { useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
  active: boolean;
  parent: string | null;
}

let cache: Promise<UnitOption[]> | null = null;

/** Every unit the signed-in staff member may list (one request per page load), for pickers and names. */
export function loadUnits(): Promise<UnitOption[]> {
  cache ??= unwrap(api.GET('/api/admin/v1/units', { params: { query: { limit: 500 } } }))
    .then((res) => res.items.map(({ id, name, depth, active, parent }) => ({ id, name, depth, active, parent })))
    .catch(() => {
      cache = null;
      return [];
    });
  return cache;
}

export function forgetUnits(): void {
  cache = null;
}

export function useUnits(): UnitOption[] {
  const [units, setUnits] = useState<UnitOption[]>([]);
  useEffect(() => {
    let live = true;
    void loadUnits().then((u) => live && setUnits(u));
    return () => {
      live = false;
    };
  }, []);
  return units;
}

/** Select options, indented by depth so the tree reads at a glance. */
export function unitOptions(units: UnitOption[]): Array<{ value: string; label: string }> {
  return units.filter((u) => u.active).map((u) => ({ value: u.id, label: `${'　'.repeat(Math.max(0, u.depth))}${u.name}` }));
}
