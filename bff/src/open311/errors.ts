/**
 * The spec's errors: the HTTP status, and a body listing `{code, description}` (code = the
 * status), in the format the path asked for. Descriptions are English, as in the spec, naming
 * the parameter at fault.
 */
import type { ZodError } from 'zod';
import { AppError } from '../http/errors';

export const open311Error = (status: number, description: string, details?: unknown): AppError => new AppError(status, 'OPEN311', description, details);

export interface Open311ErrorItem {
  code: number;
  description: string;
}

/** One error item per issue: `lat: …`. */
export function fromZod(err: ZodError): AppError {
  const items: Open311ErrorItem[] = err.issues.map((i) => ({ code: 400, description: `${i.path.join('.') || 'request'}: ${i.message}` }));
  return open311Error(400, items.map((i) => i.description).join('; '), items);
}

/** The error items of any AppError: its own list when it carries one (validation), else one item. */
export function errorItems(err: AppError): Open311ErrorItem[] {
  if (err.code === 'OPEN311' && Array.isArray(err.details)) return err.details as Open311ErrorItem[];
  const details = err.details as { retryAfterSeconds?: number } | undefined;
  if (err.status === 429) return [{ code: 429, description: `rate limit of this api_key exceeded; retry after ${details?.retryAfterSeconds ?? 60} s` }];
  return [{ code: err.status, description: err.message }];
}
