import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Context } from 'koa';
import send from 'koa-send';
import type { RouteKit } from '../http/route';

/** Where `npm run -w @mashang/admin build` writes the staff workbench. */
export const DEFAULT_ADMIN_DIR = path.resolve(__dirname, '../../../admin/dist');

/** Vite names its output assets/<name>-<hash>.<ext>: they never change, so cache them for a year. */
const HASHED_ASSET = /^assets\//;
const HAS_EXTENSION = /\/[^/]+\.[A-Za-z0-9]+$/;

/**
 * The workbench runs no inline script; antd writes its styles at run time (style-src inline);
 * attachments come from the BFF's signed URLs or the object store (https), report downloads are blobs;
 * reply photos are posted to the upload URL the BFF signs: itself (local storage) or the object
 * store's https endpoint (OSS PostObject), hence connect-src https.
 */
export const ADMIN_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "media-src 'self' blob: https:",
  "font-src 'self' data:",
  "connect-src 'self' https:",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

const NOT_BUILT_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>码上反映·工作台</title></head>
<body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>工作台还没有构建</h1>
<p>The staff workbench build is missing. Build it once, then reload this page:</p>
<pre style="background:#eee;padding:1em">npm run -w @mashang/admin build</pre>
</body></html>`;

function indexLoader(dir: string) {
  let cached: { mtimeMs: number; html: string } | undefined;
  return async (): Promise<string | undefined> => {
    const file = path.join(dir, 'index.html');
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) return undefined;
    if (cached?.mtimeMs !== stat.mtimeMs) cached = { mtimeMs: stat.mtimeMs, html: await fs.readFile(file, 'utf8') };
    return cached.html;
  };
}

async function sendAsset(ctx: Context, dir: string, rel: string): Promise<boolean> {
  try {
    const immutable = HASHED_ASSET.test(rel);
    const served = await send(ctx, rel, {
      root: dir,
      index: false,
      hidden: false,
      setHeaders: (res) => res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300'),
    });
    return Boolean(served);
  } catch (err) {
    const status = (err as { status?: number }).status;
    if (status === 404 || status === 400 || status === 403) return false;
    throw err;
  }
}

/**
 * Serves the staff workbench (admin/) at /admin/, same origin as the admin API: files as they
 * are, every other path under /admin/ gets index.html (the client-side router reads the path),
 * and without a build a short page says how to make one.
 */
export function adminWebRoutes(dir: string = DEFAULT_ADMIN_DIR) {
  const loadIndex = indexLoader(dir);
  return (kit: RouteKit): void => {
    kit.router.get('/admin', async (ctx, next) => {
      if (ctx.path !== '/admin') return next();
      ctx.status = 301;
      ctx.redirect(`/admin/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
    });
    kit.router.get('/admin/{*rest}', async (ctx) => {
      const rel = ctx.path.slice('/admin/'.length);
      if (rel && HAS_EXTENSION.test(`/${rel}`)) {
        if (await sendAsset(ctx, dir, rel)) return;
        ctx.status = 404;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = 'Not found';
        return;
      }
      const html = await loadIndex();
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-cache');
      ctx.set('Content-Security-Policy', ADMIN_CSP);
      ctx.status = html ? 200 : 503;
      ctx.body = html ?? NOT_BUILT_HTML;
    });
  };
}
