import path from 'node:path';
import { spaRoutes } from '../http/spa-routes';

/** Where `npm run -w @mashang/admin build` writes the staff workbench. */
export const DEFAULT_ADMIN_DIR = path.resolve(__dirname, '../../../admin/dist');

/** Vite names its output assets/<name>-<hash>.<ext>: they never change, so cache them for a year. */
const HASHED_ASSET = /^assets\//;

/**
 * The workbench runs no inline script; antd writes its styles at run time (style-src inline);
 * attachments come from the BFF's signed URLs or the object store, report downloads are blobs;
 * reply photos are posted to the upload URL the BFF signs: itself (local storage) or the object
 * store (OSS PostObject). The object store is named by its origin, nothing else outside.
 */
export function adminCsp(mediaOrigin: string | null): string {
  const media = mediaOrigin ? ` ${mediaOrigin}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    "font-src 'self' data:",
    `connect-src 'self'${media}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const NOT_BUILT_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>码上反映·工作台</title></head>
<body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>工作台还没有构建</h1>
<p>The staff workbench build is missing. Build it once, then reload this page:</p>
<pre style="background:#eee;padding:1em">npm run -w @mashang/admin build</pre>
</body></html>`;

/**
 * Serves the staff workbench (admin/) at /admin/, same origin as the admin API: files as they
 * are, every other path under /admin/ gets index.html (the client-side router reads the path),
 * and without a build a short page says how to make one.
 */
export function adminWebRoutes(dir: string = DEFAULT_ADMIN_DIR) {
  return spaRoutes({ prefix: '/admin', dir, hashedAsset: HASHED_ASSET, notBuiltHtml: NOT_BUILT_HTML, csp: (_html, mediaOrigin) => adminCsp(mediaOrigin) });
}
