import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Context } from 'koa';
import send from 'koa-send';
import type { MediaStorage } from '../storage/types';
import type { RouteKit } from './route';

/** A single-page web app built into `dir` and served under `prefix` (the h5 citizen app, the staff workbench). */
export interface SpaOptions {
  prefix: `/${string}`;
  dir: string;
  /** Build outputs whose names carry a content hash (tested on the path below `prefix`): cached for a year. */
  hashedAsset: RegExp;
  /** The page answered (503) while the build is missing: how to make it. */
  notBuiltHtml: string;
  /**
   * The Content-Security-Policy of the index page, from its HTML (e.g. hashes of inline scripts)
   * and the media store's origin (`MediaStorage.origin`; null: the BFF itself).
   */
  csp: (html: string, mediaOrigin: string | null) => string;
}

const HAS_EXTENSION = /\/[^/]+\.[A-Za-z0-9]+$/;

function indexLoader(dir: string, csp: (html: string) => string) {
  let cached: { mtimeMs: number; html: string; csp: string } | undefined;
  return async () => {
    const file = path.join(dir, 'index.html');
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat) return undefined;
    if (cached?.mtimeMs !== stat.mtimeMs) {
      const html = await fs.readFile(file, 'utf8');
      cached = { mtimeMs: stat.mtimeMs, html, csp: csp(html) };
    }
    return cached;
  };
}

async function sendAsset(ctx: Context, dir: string, rel: string, hashed: RegExp): Promise<boolean> {
  try {
    const immutable = hashed.test(rel);
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
 * Files as they are; every other path under the prefix gets index.html (the client-side router
 * reads the path); the bare prefix redirects to the prefix with a slash; without a build a short
 * page says how to make one.
 */
export function spaRoutes(opts: SpaOptions) {
  return (kit: RouteKit, deps: { storage: Pick<MediaStorage, 'origin'> }): void => {
    const loadIndex = indexLoader(opts.dir, (html) => opts.csp(html, deps.storage.origin));
    // The router matches '<prefix>/' to this route too (no strict slashes): only the bare prefix is redirected.
    kit.router.get(opts.prefix, async (ctx, next) => {
      if (ctx.path !== opts.prefix) return next();
      ctx.status = 301;
      ctx.redirect(`${opts.prefix}/${ctx.querystring ? `?${ctx.querystring}` : ''}`);
    });
    kit.router.get(`${opts.prefix}/{*rest}`, async (ctx) => {
      const rel = ctx.path.slice(opts.prefix.length + 1);
      if (rel && HAS_EXTENSION.test(`/${rel}`)) {
        if (await sendAsset(ctx, opts.dir, rel, opts.hashedAsset)) return;
        ctx.status = 404;
        ctx.type = 'text/plain; charset=utf-8';
        ctx.body = 'Not found';
        return;
      }
      const index = await loadIndex();
      ctx.type = 'html';
      ctx.set('Cache-Control', 'no-cache');
      if (!index) {
        ctx.status = 503;
        ctx.body = opts.notBuiltHtml;
        return;
      }
      ctx.set('Content-Security-Policy', index.csp);
      ctx.body = index.html;
    });
  };
}
