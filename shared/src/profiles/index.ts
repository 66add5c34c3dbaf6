import { baiyin } from './baiyin';
import { chongqing } from './chongqing';
import { heze } from './heze';
import { liaoning } from './liaoning';
import { pingdingshan } from './pingdingshan';
import { regulationProfileSchema, type ProfileName, type RegulationProfile, type RegulationProfileInput } from './schema';

export * from './schema';

/** The five profiles as transcribed from the seeds, before any overrides. */
export const PROFILE_SOURCES: Readonly<Record<ProfileName, RegulationProfileInput>> = { baiyin, heze, liaoning, pingdingshan, chongqing };

/** Nested partial of a profile, as read from an overrides JSON file. */
export type ProfileOverrides = { [key: string]: unknown };

export interface ProfileIssue {
  path: string;
  message: string;
}

/** An overrides object that does not fit the profile (unknown key, wrong type, missing source). */
export class ProfileOverridesError extends Error {
  constructor(readonly issues: ProfileIssue[]) {
    super(`invalid regulation profile overrides: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'ProfileOverridesError';
  }
}

/**
 * The active profile: the transcription of `name`, with `overrides` merged in. Overrides are a
 * nested partial of the profile (e.g. `{"returnWindow": {"value": 48}}`); objects merge key by
 * key, arrays and scalars replace. Every object an override touches that carries a source gets
 * `overridden: true`. The result is validated; unknown keys or wrong types throw
 * ProfileOverridesError (so the BFF fails fast at startup naming the path).
 */
export function getProfile(name: ProfileName, overrides?: ProfileOverrides): RegulationProfile {
  const source = PROFILE_SOURCES[name];
  if (!source) throw new ProfileOverridesError([{ path: 'name', message: `unknown profile ${String(name)}` }]);
  const merged = overrides === undefined ? source : mergeOverrides(source, overrides, '');
  const parsed = regulationProfileSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ProfileOverridesError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return parsed.data;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;
}

function mergeOverrides(base: unknown, patch: unknown, path: string): unknown {
  if (!isPlainObject(patch)) {
    if (path === '') throw new ProfileOverridesError([{ path: '', message: 'overrides must be a JSON object' }]);
    return patch;
  }
  if (!isPlainObject(base)) return patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') {
      throw new ProfileOverridesError([{ path: join(path, key), message: 'forbidden key' }]);
    }
    out[key] = key in base && base[key] !== null ? mergeOverrides(base[key], value, join(path, key)) : markNew(value);
  }
  if ('cite' in base || 'platformDefault' in base) out.overridden = true;
  return out;
}

/** Values an override adds where the profile had none are sourced by the override itself. */
function markNew(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(markNew);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = markNew(v);
  if ('value' in value || Object.values(value).some((v) => typeof v === 'number')) out.overridden = true;
  return out;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);
