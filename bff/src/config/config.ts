import path from 'node:path';
import { z } from 'zod';
import { newPasswordSchema } from '@mashang/shared';
import { passwordProblem } from '../auth/password-policy';

function isStringMapJson(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value);
    return !!parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}

/** Every environment variable the BFF reads, parsed and validated once at startup. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
      .optional(),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DATA_KEY: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (a 256-bit key)')
      .optional(),
    ADMIN_USERNAME: z.string().min(3).max(64).optional(),
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
    REGULATION_PROFILE: z.enum(['baiyin', 'heze', 'liaoning', 'pingdingshan', 'chongqing']).default('baiyin'),
    PROFILE_OVERRIDES: z.string().min(1).optional(),
    CALENDAR_FILE: z.string().min(1).optional(),
    WECHAT_APPID: z.string().min(1).optional(),
    WECHAT_SECRET: z.string().min(1).optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    // Subscribe-message template ids per notice (absent → that notice is recorded as skipped).
    WECHAT_TEMPLATE_ACCEPTED: z.string().min(1).optional(),
    WECHAT_TEMPLATE_DISPATCHED: z.string().min(1).optional(),
    WECHAT_TEMPLATE_REPLIED: z.string().min(1).optional(),
    WECHAT_TEMPLATE_SUPPLEMENT: z.string().min(1).optional(),
    WECHAT_TEMPLATE_REJECTED: z.string().min(1).optional(),
    WECHAT_TEMPLATE_CLOSED: z.string().min(1).optional(),
    WECHAT_TEMPLATE_PROGRESS: z.string().min(1).optional(),
    WECHAT_TEMPLATE_FIELDS: z
      .string()
      .refine(isStringMapJson, 'must be a JSON object mapping no/title/status/time/note to template keys')
      .optional(),
    WECHAT_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
    OSS_REGION: z.string().min(1).optional(),
    OSS_BUCKET: z.string().min(1).optional(),
    OSS_ACCESS_KEY_ID: z.string().min(1).optional(),
    OSS_ACCESS_KEY_SECRET: z.string().min(1).optional(),
    OSS_ENDPOINT: z.string().url().optional(),
    PUBLIC_BASE_URL: z.string().url().optional(),
    H5_ORIGIN: z.string().min(1).optional(),
    // Reverse proxies in front of the BFF that append to X-Forwarded-For; 0 = none, the socket's address is the client.
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    // Dev login (any code logs in as citizen dev_<code>): only when asked for; `npm start`'s demo asks.
    DEV_LOGIN: z.enum(['true', 'false']).optional(),
    // Citizen sessions: the access token's life (minutes) and the refresh token's (days, renewed on every refresh).
    CITIZEN_TOKEN_TTL_MINUTES: z.coerce.number().int().min(5).max(10_080).default(120),
    CITIZEN_REFRESH_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    // How often the sweeper runs (deadline warnings, overdue 督办, escalation); 0 disables it on this instance.
    SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
    // Bearer token of the Prometheus scraper for GET /api/metrics; absent → the endpoint does not exist (404).
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    // On SIGTERM, how long in-flight requests get to finish before their connections are closed.
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.JWT_SECRET) ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required when NODE_ENV=production' });
      if (!env.DATA_KEY) ctx.addIssue({ code: 'custom', path: ['DATA_KEY'], message: 'is required when NODE_ENV=production' });
      if (env.WECHAT_APPID && !env.WECHAT_SECRET) ctx.addIssue({ code: 'custom', path: ['WECHAT_SECRET'], message: 'is required when WECHAT_APPID is set' });
      if (env.DEV_LOGIN === 'true') ctx.addIssue({ code: 'custom', path: ['DEV_LOGIN'], message: 'cannot be on when NODE_ENV=production' });
      // The first administrator holds every key: in production its password meets the staff policy.
      if (env.ADMIN_PASSWORD) {
        const shape = newPasswordSchema.safeParse(env.ADMIN_PASSWORD);
        const problem = passwordProblem(env.ADMIN_PASSWORD, env.ADMIN_USERNAME ?? '');
        if (!shape.success || problem) {
          ctx.addIssue({ code: 'custom', path: ['ADMIN_PASSWORD'], message: `does not meet the staff password policy (${shape.success ? problem : shape.error.issues[0].message}): at least 10 characters with letters and digits, not containing the username, not a common password` });
        }
      }
    }
    const oss = [env.OSS_REGION, env.OSS_BUCKET, env.OSS_ACCESS_KEY_ID, env.OSS_ACCESS_KEY_SECRET];
    if (oss.some(Boolean) && !oss.every(Boolean)) {
      ctx.addIssue({ code: 'custom', path: ['OSS_REGION'], message: 'OSS_REGION, OSS_BUCKET, OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET must be set together' });
    }
  });

export type Env = z.infer<typeof envSchema>;

/**
 * Dev login never switches itself on in a deployment: only DEV_LOGIN=true (the demo of
 * `npm start` sets it) or the test environment (NODE_ENV=test, unless DEV_LOGIN=false), and
 * never with a WeChat appid or in production.
 */
function devLoginAsked(env: Env): boolean {
  if (env.WECHAT_APPID || env.NODE_ENV === 'production') return false;
  return env.DEV_LOGIN === 'true' || (env.NODE_ENV === 'test' && env.DEV_LOGIN !== 'false');
}

export interface Config extends Env {
  dataDir: string;
  storage: 'oss' | 'local';
  devLogin: boolean;
}

export class ConfigError extends Error {}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const blanked = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(blanked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  return {
    ...env,
    dataDir: path.resolve(env.DATA_DIR),
    storage: env.OSS_BUCKET ? 'oss' : 'local',
    devLogin: devLoginAsked(env),
  };
}
