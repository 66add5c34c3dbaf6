import { z } from 'zod';
import { refreshTokenSchema, staffLoginSchema, wechatLoginSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { AppError } from '../http/errors';
import { clientIp, createRateLimiter } from '../ratelimit';
import { citizenView, getCitizen, updateProfile } from '../citizens/service';
import { citizenSchema, profilePatchSchema } from '../citizens/schemas';
import { getStaff, staffView } from '../staff/service';
import { staffSchema } from '../staff/schemas';
import { staffStatusCheck } from '../staff/status-cache';
import { loginCitizen } from './citizen-login';
import { endCitizenSession, refreshCitizenSession } from './citizen-session';
import { loginStaff, logoutStaff } from './staff-login';

/** Per client address. Citizens share carrier NAT addresses, hence the higher citizen limit. */
export const LOGIN_LIMITS = {
  citizen: { name: 'login-citizen-ip', limit: 120, windowMs: 60_000 },
  staff: { name: 'login-staff-ip', limit: 30, windowMs: 60_000 },
  refresh: { name: 'refresh-citizen-ip', limit: 120, windowMs: 60_000 },
} as const;

const tokenPairFields = {
  token: z.string().describe('access token (Bearer), valid for `expiresIn` seconds (CITIZEN_TOKEN_TTL_MINUTES)'),
  refreshToken: z.string().describe('single use: POST /api/v1/auth/refresh answers a new pair; valid CITIZEN_REFRESH_TTL_DAYS'),
  expiresIn: z.number().int().describe('seconds until the access token expires'),
};
const tokenPairSchema = z.object(tokenPairFields);

/** Citizen login (WeChat or dev mode), session refresh and logout, and profile. */
export function citizenAuthRoutes(kit: RouteKit, deps: AppDeps): void {
  const limiter = createRateLimiter(deps, LOGIN_LIMITS.citizen);
  const refreshLimiter = createRateLimiter(deps, LOGIN_LIMITS.refresh);
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/auth/wechat',
      summary: 'Citizen login with the code from wx.login()',
      description: 'With no WECHAT_APPID outside production (dev-login mode) the openid is `dev_<code>`, code 1–64 of [A-Za-z0-9_-].',
      tags: ['auth'],
      auth: 'public',
      body: wechatLoginSchema,
      responses: {
        200: { description: 'signed in: an access token, a refresh token (a new session) and the citizen; audited', schema: z.object({ ...tokenPairFields, citizen: citizenSchema }) },
        503: { description: 'WECHAT_UNAVAILABLE: WeChat login is not configured or unreachable' },
      },
    },
    async (ctx, { body }) => {
      await limiter.consume(clientIp(ctx), ctx);
      const { citizen, ...tokenPair } = await loginCitizen(deps, kit.tokens, body.code);
      ctx.body = { ...tokenPair, citizen: citizenView(deps, citizen) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/auth/refresh',
      summary: 'Citizen session refresh: a new access and refresh token for a refresh token',
      description:
        'The refresh token is rotated: it works once. Presenting one that was already used revokes its whole session (both holders must log in again; audited as reuse). The access token is not checked against the database per request, so a revoked session ends when its access token expires.',
      tags: ['auth'],
      auth: 'public',
      body: refreshTokenSchema,
      responses: {
        200: { description: 'the new pair', schema: tokenPairSchema },
        401: { description: 'REFRESH_TOKEN_INVALID (unknown or revoked), REFRESH_TOKEN_EXPIRED, or REFRESH_TOKEN_REUSED (the session is now revoked): log in again' },
        429: { description: 'RATE_LIMITED (this address)' },
      },
    },
    async (ctx, { body }) => {
      await refreshLimiter.consume(clientIp(ctx), ctx);
      ctx.body = await refreshCitizenSession(deps, kit.tokens, body.refreshToken);
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/auth/logout',
      summary: 'Citizen logout: revokes the session of this refresh token',
      description: 'Every refresh token of the session stops working; audited. An unknown or already revoked token also answers 204. Access tokens already issued live out their short life.',
      tags: ['auth'],
      auth: 'public',
      body: refreshTokenSchema,
      responses: { 204: { description: 'logged out' }, 429: { description: 'RATE_LIMITED (this address)' } },
    },
    async (ctx, { body }) => {
      await refreshLimiter.consume(clientIp(ctx), ctx);
      await endCitizenSession(deps, body.refreshToken);
      ctx.status = 204;
    },
  );

  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/me', summary: 'The signed-in citizen (own name and phone in clear)', tags: ['auth'], auth: 'citizen', responses: { 200: { description: 'the citizen', schema: z.object({ citizen: citizenSchema }) } } },
    async (ctx, { actor }) => {
      ctx.body = { citizen: citizenView(deps, await getCitizen(deps.db, actor.id)) };
    },
  );

  defineRoute(
    kit,
    { method: 'patch', path: '/api/v1/me', summary: 'Set or clear the citizen\'s own name and phone (stored encrypted)', tags: ['auth'], auth: 'citizen', body: profilePatchSchema, responses: { 200: { description: 'updated', schema: z.object({ citizen: citizenSchema }) } } },
    async (ctx, { body, actor }) => {
      ctx.body = { citizen: citizenView(deps, await updateProfile(deps, actor.id, body)) };
    },
  );
}

/** Staff login and the current account; installs the per-request account check on staff tokens. */
export function staffAuthRoutes(kit: RouteKit, deps: AppDeps): void {
  kit.tokens.useStaffCheck(staffStatusCheck(deps));
  const limiter = createRateLimiter(deps, LOGIN_LIMITS.staff);
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/auth/login',
      summary: 'Staff login with username and password',
      description:
        'Counted per (username, client address): after five failed attempts each further one is checked only after a delay since the previous one, doubling from 30 s to 15 min (429 ACCOUNT_LOCKED with `retryAfterSeconds` and Retry-After); a success resets it. Other addresses are not held back. Unknown user, wrong password and disabled account answer the same 401. Every login, failure and lockout is audited.',
      tags: ['auth'],
      auth: 'public',
      body: staffLoginSchema,
      responses: {
        200: { description: 'signed in', schema: z.object({ token: z.string(), staff: staffSchema }) },
        401: { description: 'INVALID_CREDENTIALS (unknown user, wrong password or disabled account alike)' },
        429: { description: 'ACCOUNT_LOCKED (this client must wait) or RATE_LIMITED (this address)' },
      },
    },
    async (ctx, { body }) => {
      const client = clientIp(ctx);
      await limiter.consume(client, ctx);
      const { token, staff } = await loginStaff(deps, kit.tokens, body.username, body.password, client).catch((err: unknown) => {
        const retry = err instanceof AppError && err.code === 'ACCOUNT_LOCKED' ? (err.details as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
        if (retry) ctx.set('Retry-After', String(retry));
        throw err;
      });
      ctx.body = { token, staff: staffView(staff) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/auth/logout',
      summary: 'Staff logout: revokes the token',
      description: 'Revokes this token and every other token of the account (they share its security stamp); audited. 204.',
      tags: ['auth'],
      auth: 'staff',
      responses: { 204: { description: 'logged out' } },
    },
    async (ctx, { actor }) => {
      await logoutStaff(deps, actor.id, actor.name);
      ctx.status = 204;
    },
  );

  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/me', summary: 'The signed-in staff account', tags: ['auth'], auth: 'staff', responses: { 200: { description: 'the account', schema: z.object({ staff: staffSchema }) } } },
    async (ctx, { actor }) => {
      ctx.body = { staff: staffView(await getStaff(deps.db, actor.id)) };
    },
  );
}
