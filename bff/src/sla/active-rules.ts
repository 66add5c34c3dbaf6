/**
 * The active regulation profile and working-day calendar, built once at startup from
 * REGULATION_PROFILE, PROFILE_OVERRIDES and CALENDAR_FILE. A bad file stops the BFF with a
 * message naming the variable and the file, like every other configuration error.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import {
  calendarExtraSchema,
  createWorkCalendar,
  getProfile,
  ProfileOverridesError,
  type ProfileOverrides,
  type RegulationProfile,
  type WorkCalendar,
} from '@mashang/shared';
import { ConfigError, type Config } from '../config/config';

export interface ActiveRules {
  profile: RegulationProfile;
  calendar: WorkCalendar;
}

type RulesConfig = Pick<Config, 'REGULATION_PROFILE' | 'PROFILE_OVERRIDES' | 'CALENDAR_FILE'>;

function readJson(variable: string, file: string): unknown {
  const resolved = path.resolve(file);
  let raw: string;
  try {
    raw = readFileSync(resolved, 'utf8');
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: cannot read ${resolved} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${variable}: ${resolved} is not valid JSON (${(err as Error).message})`);
  }
}

function loadProfile(config: RulesConfig): RegulationProfile {
  const file = config.PROFILE_OVERRIDES;
  const overrides = file ? readJson('PROFILE_OVERRIDES', file) : undefined;
  try {
    return getProfile(config.REGULATION_PROFILE, overrides as ProfileOverrides | undefined);
  } catch (err) {
    if (!(err instanceof ProfileOverridesError)) throw err;
    const lines = err.issues.map((i) => `    ${i.path || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  PROFILE_OVERRIDES: ${path.resolve(file ?? '')} does not fit profile ${config.REGULATION_PROFILE}:\n${lines.join('\n')}`);
  }
}

function loadCalendar(config: RulesConfig): WorkCalendar {
  const file = config.CALENDAR_FILE;
  if (!file) return createWorkCalendar();
  const parsed = calendarExtraSchema.safeParse(readJson('CALENDAR_FILE', file));
  if (!parsed.success) {
    const issues = z.prettifyError(parsed.error).split('\n').map((l) => `    ${l}`);
    throw new ConfigError(`Invalid configuration:\n  CALENDAR_FILE: ${path.resolve(file)} should be {"holidays": ["YYYY-MM-DD"…], "workdays": [...]}:\n${issues.join('\n')}`);
  }
  return createWorkCalendar(parsed.data);
}

/** Profile (with overrides) and calendar (with extra days); throws ConfigError naming the file. */
export function loadActiveRules(config: RulesConfig): ActiveRules {
  return { profile: loadProfile(config), calendar: loadCalendar(config) };
}
