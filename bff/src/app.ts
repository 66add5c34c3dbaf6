import Koa from 'koa';
import Router from '@koa/router';
import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import type { Connection } from 'mongoose';
import type { RegulationProfile, WorkCalendar } from '@mashang/shared';
import type { Config } from './config/config';
import type { Clock } from './lib/clock';
import type { Logger } from './lib/logger';
import { errorMiddleware } from './http/error-middleware';
import { methodGuard } from './http/method-guard';
import { requestContext, securityHeaders } from './http/middleware';
import { AppError } from './http/errors';
import type { Secrets } from './config/dev-secrets';
import { TokenService } from './auth/tokens';
import { OpenApiRegistry } from './openapi/registry';
import type { RouteKit } from './http/route';
import { healthRoutes } from './health/routes';
import { openApiRoutes } from './openapi/routes';
import { h5Routes } from './h5/routes';
import { adminWebRoutes } from './admin-web/routes';
import type { WechatLogin } from './auth/wechat-login';
import { citizenAuthRoutes, staffAuthRoutes } from './auth/routes';
import { unitRoutes } from './units/routes';
import { staffRoutes } from './staff/routes';
import { citizenAdminRoutes } from './citizens/routes';
import { auditRoutes } from './audit/routes';
import type { MediaStorage } from './storage/types';
import { localStorageRoutes } from './storage/routes';
import { uploadRoutes } from './uploads/routes';
import { mediaRoutes } from './media/routes';
import { canReadTicketMedia } from './tickets/access';
import { citizenTicketRoutes } from './tickets/citizen-routes';
import { staffTicketRoutes } from './tickets/admin-routes';
import { dispatchSuggestionRoutes } from './tickets/dispatch-routes';
import { internalNoteRoutes } from './tickets/note-routes';
import { slaRoutes } from './sla/routes';
import { catalogRoutes } from './catalog/routes';
import { sceneRoutes } from './scenes/routes';
import { knowledgeRoutes } from './knowledge/routes';
import type { WechatClient } from './wechat/client';
import { phoneRoutes } from './wechat/phone-routes';
import { supervisionRoutes } from './supervision/routes';
import { statsRoutes } from './stats/routes';
import { duplicateRoutes } from './duplicates/routes';
import { hotspotRoutes } from './hotspots/routes';
import { reportRoutes } from './reports/routes';
import { accountabilityRoutes } from './accountability/routes';
import { caseRoutes } from './cases/routes';
import { open311 } from './open311';
import type { Metrics } from './metrics/metrics';
import { httpMetrics } from './metrics/http';
import { metricsRoutes } from './metrics/routes';
import type { Lifecycle } from './health/readiness';
import type { StaffNoticeChannel } from './notices/channel';
import { noticeRoutes } from './notices/routes';

/** Everything the app needs from the outside world; tests pass their own. */
export interface AppDeps {
  config: Config;
  db: Connection;
  clock: Clock;
  logger: Logger;
  secrets: Secrets;
  /** WeChat jscode2session for citizen login; absent in dev-login mode (and then a non-dev login answers 503). */
  wechatLogin?: WechatLogin;
  storage: MediaStorage;
  /** The WeChat API client; absent when WECHAT_APPID/WECHAT_SECRET are not set (dev mode: no notices, plain QR codes). */
  wechat?: WechatClient;
  /** The active regulation profile (REGULATION_PROFILE + PROFILE_OVERRIDES), built once at startup. */
  profile: RegulationProfile;
  /** Working-day calendar (chinese-days + CALENDAR_FILE), built once at startup. */
  calendar: WorkCalendar;
  /** Prometheus metrics (created by the server entry when METRICS_TOKEN is set); absent: nothing is measured. */
  metrics?: Metrics;
  /** The server's shutdown state, read by the readiness probe; absent: never draining. */
  lifecycle?: Lifecycle;
  /** Pushes staff inbox notices to a channel (WeChat, SMS); absent: a debug log line (notices/channel.ts). */
  staffChannel?: StaffNoticeChannel;
}

type RouteModule = (kit: RouteKit, deps: AppDeps) => void;

/**
 * Each capability registers its routes here, in one list. Order matters in two places: a
 * literal path comes before a parameter route of the same shape and method (`/tickets/similar`,
 * `/tickets/counts` before `/tickets/:no`; the router runs the first that matches, while the
 * method guard already keeps a literal path's other methods away from the parameter route), and
 * `openApiRoutes` comes last (it documents the rest).
 */
const routeModules: RouteModule[] = [
  healthRoutes,
  metricsRoutes,
  // identity and organisation
  staffAuthRoutes,
  citizenAuthRoutes,
  unitRoutes,
  staffRoutes,
  citizenAdminRoutes,
  auditRoutes,
  // media and WeChat
  uploadRoutes,
  localStorageRoutes,
  mediaRoutes(canReadTicketMedia),
  phoneRoutes,
  h5Routes(),
  adminWebRoutes(),
  // knowledge, supervision, figures, publication
  knowledgeRoutes,
  supervisionRoutes,
  noticeRoutes,
  statsRoutes,
  hotspotRoutes,
  reportRoutes,
  accountabilityRoutes,
  caseRoutes,
  sceneRoutes,
  catalogRoutes,
  // tickets
  duplicateRoutes,
  citizenTicketRoutes,
  dispatchSuggestionRoutes,
  internalNoteRoutes,
  staffTicketRoutes,
  slaRoutes,
  // Open311 GeoReport v2 (/open311/…) and its admin routes
  open311,
  openApiRoutes,
];

export function createApp(deps: AppDeps): Koa {
  // Only as many X-Forwarded-For entries as there are trusted proxies (counted from the right):
  // the entries left of them are whatever the client wrote.
  const hops = deps.config.TRUSTED_PROXY_HOPS;
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops });
  const kit: RouteKit = { router: new Router(), registry: new OpenApiRegistry(), tokens: new TokenService(deps.secrets.jwtSecret, deps.config.CITIZEN_TOKEN_TTL_MINUTES * 60) };
  for (const register of routeModules) register(kit, deps);
  const { router } = kit;

  app.use(requestContext(deps.logger));
  if (deps.metrics) app.use(httpMetrics(deps.metrics));
  app.use(errorMiddleware());
  app.use(securityHeaders({ hsts: deps.config.NODE_ENV === 'production' }));
  app.use(
    cors({
      origin: (ctx) => {
        const allowed = deps.config.H5_ORIGIN?.split(',').map((s) => s.trim()) ?? [];
        const origin = ctx.get('Origin');
        return allowed.includes(origin) || allowed.includes('*') ? origin : '';
      },
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'ETag'],
    }),
  );
  app.use(
    bodyParser({
      enableTypes: ['json'],
      jsonLimit: '256kb',
      onError: (err) => {
        const status = (err as { status?: number }).status;
        if (status === 413) throw new AppError(413, 'PAYLOAD_TOO_LARGE', '请求体过大');
        throw new AppError(400, 'MALFORMED_JSON', '请求体不是合法的 JSON');
      },
    }),
  );
  app.use(methodGuard(router));
  app.use(router.routes());
  return app;
}
