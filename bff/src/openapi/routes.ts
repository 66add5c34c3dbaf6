import path from 'node:path';
import send from 'koa-send';
import type { AppDeps } from '../app';
import { renderOpenApi } from './registry';
import type { RouteKit } from '../http/route';

const swaggerDir = path.dirname(require.resolve('swagger-ui-dist/package.json'));

const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>码上反映·马上办理 API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`;

const INIT_JS = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#swagger-ui' });`;

/** The OpenAPI document of every route defined through defineRoute, and Swagger UI served locally. */
export function openApiRoutes(kit: RouteKit, _deps: AppDeps): void {
  let cached: unknown;
  kit.router.get('/api/openapi.json', (ctx) => {
    cached ??= renderOpenApi(kit.registry, {
      title: '码上反映·马上办理 API',
      version: '1.0.0',
      description: 'Citizen API under /api/v1 (WeChat login), staff admin API under /api/admin/v1. Errors: {"error":{"code","message","details"}}.',
    });
    ctx.body = cached;
  });
  kit.router.get('/api/docs', (ctx) => {
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
    ctx.body = DOCS_HTML;
  });
  kit.router.get('/api/docs/init.js', (ctx) => {
    ctx.type = 'application/javascript';
    ctx.body = INIT_JS;
  });
  kit.router.get('/api/docs/:file', async (ctx) => {
    const file = String(ctx.params.file);
    if (!/^swagger-ui(-bundle)?\.(js|css)$/.test(file)) return;
    await send(ctx, file, { root: swaggerDir });
  });
}
