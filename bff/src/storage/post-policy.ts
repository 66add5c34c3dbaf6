/**
 * Aliyun OSS PostObject policies (V1 signature): the policy is a JSON document with an
 * `expiration` and `conditions`, sent base64-encoded in the `policy` form field, and
 * `Signature` = base64(HMAC(secret, base64 policy)). OSS uses HMAC-SHA1; the local adapter
 * the same construction with HMAC-SHA256 and its own key.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { UPLOAD_POLICY_TTL_MS } from './types';

export type PolicyCondition =
  | Record<string, string>
  | ['eq' | 'starts-with', string, string]
  | ['in' | 'not-in', string, string[]]
  | ['content-length-range', number, number];

export interface PostPolicy {
  expiration: string;
  conditions: PolicyCondition[];
}

/** Fixed form fields every upload carries (and the policy pins). */
export const FIXED_FORM_FIELDS = { success_action_status: '200', 'x-oss-forbid-overwrite': 'true' } as const;

/** A policy that admits exactly one key, one content type and 1..maxSize bytes, until now + 10 minutes. */
export function buildPostPolicy(input: { key: string; mime: string; maxSize: number; now: Date; bucket?: string }): { policy: PostPolicy; expiresAt: Date } {
  const expiresAt = new Date(input.now.getTime() + UPLOAD_POLICY_TTL_MS);
  const conditions: PolicyCondition[] = [
    ['eq', '$key', input.key],
    ['eq', '$Content-Type', input.mime],
    ['content-length-range', 1, input.maxSize],
    ['eq', '$success_action_status', FIXED_FORM_FIELDS.success_action_status],
    ['eq', '$x-oss-forbid-overwrite', FIXED_FORM_FIELDS['x-oss-forbid-overwrite']],
  ];
  if (input.bucket) conditions.unshift({ bucket: input.bucket });
  return { policy: { expiration: expiresAt.toISOString(), conditions }, expiresAt };
}

export const encodePolicy = (policy: PostPolicy): string => Buffer.from(JSON.stringify(policy), 'utf8').toString('base64');

export function signPolicy(encodedPolicy: string, secret: string | Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHmac(algorithm, secret).update(encodedPolicy, 'utf8').digest('base64');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const conditionSchema = z.union([
  z.record(z.string(), z.string()),
  z.tuple([z.enum(['eq', 'starts-with']), z.string(), z.string()]),
  z.tuple([z.enum(['in', 'not-in']), z.string(), z.array(z.string())]),
  z.tuple([z.literal('content-length-range'), z.number().int().min(0), z.number().int().min(0)]),
]);
const policySchema = z.object({ expiration: z.string().datetime({ offset: true }), conditions: z.array(conditionSchema).min(1) });

export type PolicyFailure = 'POLICY_INVALID' | 'POLICY_EXPIRED' | 'POLICY_CONDITION_FAILED';

export interface CheckedPolicy {
  sizeRange: [number, number];
}

/** Parses an encoded policy and checks its expiry and every field condition against `fields` (names case-insensitive). */
export function checkPolicy(encodedPolicy: string, fields: Record<string, string>, now: Date): CheckedPolicy | PolicyFailure {
  let parsed: PostPolicy;
  try {
    const res = policySchema.safeParse(JSON.parse(Buffer.from(encodedPolicy, 'base64').toString('utf8')));
    if (!res.success) return 'POLICY_INVALID';
    parsed = res.data as PostPolicy;
  } catch {
    return 'POLICY_INVALID';
  }
  if (new Date(parsed.expiration).getTime() <= now.getTime()) return 'POLICY_EXPIRED';
  const lower = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), v]));
  let sizeRange: [number, number] | undefined;
  for (const c of parsed.conditions) {
    if (!Array.isArray(c)) {
      // Object form `{field: value}`; the bucket is implied by where the form is posted.
      const ok = Object.entries(c).every(([name, value]) => name === 'bucket' || lower[name.toLowerCase()] === value);
      if (!ok) return 'POLICY_CONDITION_FAILED';
      continue;
    }
    if (c[0] === 'content-length-range') {
      sizeRange = [c[1], c[2]];
      continue;
    }
    if (!fieldMatches(c, lower)) return 'POLICY_CONDITION_FAILED';
  }
  // A policy without a size range would let a signed form write anything; ours always carry one.
  if (!sizeRange) return 'POLICY_INVALID';
  return { sizeRange };
}

function fieldMatches(c: Exclude<PolicyCondition, Record<string, string> | ['content-length-range', number, number]>, fields: Record<string, string>): boolean {
  const name = c[1].replace(/^\$/, '').toLowerCase();
  const value = fields[name];
  switch (c[0]) {
    case 'eq':
      return value === c[2];
    case 'starts-with':
      return value !== undefined && value.startsWith(c[2]);
    case 'in':
      return value !== undefined && c[2].includes(value);
    case 'not-in':
      return value === undefined || !c[2].includes(value);
  }
}
