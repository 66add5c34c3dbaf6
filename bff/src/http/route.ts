import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Actor, StaffRole } from '@mashang/shared';
import type { AuthKind, OpenApiRegistry, RouteDoc } from '../openapi/registry';
import type { TokenService } from '../auth/tokens';
import { AppError, forbidden, unauthorized } from './errors';

type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

export type CitizenActor = Extract<Actor, { kind: 'citizen' }>;
export type StaffActor = Extract<Actor, { kind: 'staff' }>;
export type ActorFor<A extends AuthKind> = A extends 'citizen' ? CitizenActor : A extends 'staff' ? StaffActor : undefined;

export interface RouteInput<P, Q, B, A extends AuthKind> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  actor: ActorFor<A>;
}

export interface RouteSpec<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, A extends AuthKind>
  extends Omit<RouteDoc, 'params' | 'query' | 'body' | 'auth' | 'roles'> {
  auth: A;
  roles?: readonly StaffRole[];
  params?: P;
  query?: Q;
  body?: B;
}

export interface RouteKit {
  router: Router;
  registry: OpenApiRegistry;
  tokens: TokenService;
}

function validate<S extends z.ZodType | undefined>(schema: S, value: unknown, where: string): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const res = schema.safeParse(value ?? {});
  if (!res.success) {
    throw new AppError(400, 'VALIDATION_FAILED', '提交的内容不符合要求', res.error.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message, code: i.code })));
  }
  return res.data as Infer<S>;
}

function bearer(ctx: Context): string {
  const h = ctx.get('Authorization');
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (!m) throw unauthorized();
  return m[1];
}

export function authenticate<A extends AuthKind>(ctx: Context, tokens: TokenService, auth: A, roles?: readonly StaffRole[]): ActorFor<A> {
  if (auth === 'public') return undefined as ActorFor<A>;
  if (auth === 'citizen') {
    const c = tokens.verifyCitizen(bearer(ctx));
    return { kind: 'citizen', id: c.sub } as ActorFor<A>;
  }
  const s = tokens.verifyStaff(bearer(ctx));
  if (roles?.length && !s.roles.some((r) => roles.includes(r))) throw forbidden(`需要以下角色之一：${roles.join('、')}`, 'ROLE_NOT_ALLOWED');
  return { kind: 'staff', id: s.sub, roles: s.roles, unit: s.unit, name: s.name } as ActorFor<A>;
}

/**
 * Declares a route once: it is registered on the router, documented in the OpenAPI registry,
 * authenticated, and its params/query/body validated with the shared zod schemas before the
 * handler runs.
 */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends AuthKind = AuthKind,
>(kit: RouteKit, spec: RouteSpec<P, Q, B, A>, handler: (ctx: Context, input: RouteInput<P, Q, B, A>) => Promise<void> | void): void {
  kit.registry.add(spec as RouteDoc);
  kit.router[spec.method](spec.path, async (ctx) => {
    const actor = authenticate(ctx, kit.tokens, spec.auth, spec.roles);
    if (spec.auth === 'staff') await kit.tokens.verifyStaffCurrent(bearer(ctx));
    const params = validate(spec.params as P, ctx.params, 'path');
    const query = validate(spec.query as Q, ctx.query, 'query');
    const body = validate(spec.body as B, (ctx.request as { body?: unknown }).body, 'body');
    await handler(ctx, { params, query, body, actor });
  });
}
