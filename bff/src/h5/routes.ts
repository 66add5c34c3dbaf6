import { createHash } from 'node:crypto';
import path from 'node:path';
import { spaRoutes } from '../http/spa-routes';

/** Where `npm run build:h5` writes the browser build of the mini-program. */
export const DEFAULT_H5_DIR = path.resolve(__dirname, '../../../miniapp/dist/h5');

/** Build output names carry a content hash (js/app.1a2b3c4d.js): they never change, so cache them for a year. */
const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css)$/;

const NOT_BUILT_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>码上反映·马上办理</title></head>
<body style="font:18px/1.6 sans-serif;max-width:40em;margin:2em auto;padding:0 1em">
<h1>网页版还没有构建</h1>
<p>The h5 build of the mini-program is missing. Build it once, then reload this page:</p>
<pre style="background:#eee;padding:1em">npm run build:h5</pre>
<p>（在项目根目录运行上面的命令，完成后刷新本页。）</p>
</body></html>`;

/**
 * Taro's index.html carries one small inline script (the rem calculation); allowing exactly that
 * script by its hash keeps `script-src` free of 'unsafe-inline'.
 */
function contentSecurityPolicy(html: string, mediaOrigin: string | null): string {
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  // Uploads go to, and media come from, the BFF or the object store's origin (MediaStorage.origin): nothing else outside.
  const media = mediaOrigin ? ` ${mediaOrigin}` : '';
  return [
    "default-src 'self'",
    `script-src 'self' ${inline.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    // Taro's h5 components embed their icon font as a data: URL.
    "font-src 'self' data:",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' data: blob:${media}`,
    // Taro's h5 uploadFile reads the picked photo or the recording back from its blob: URL (XHR).
    `connect-src 'self' blob:${media}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the h5 build at /h5/ so the app works in any browser at once: files as they are, every
 * other path under /h5/ gets index.html (Taro's browser router reads the path), and without a
 * build a short page says how to make one.
 */
export function h5Routes(dir: string = DEFAULT_H5_DIR) {
  return spaRoutes({ prefix: '/h5', dir, hashedAsset: HASHED_ASSET, notBuiltHtml: NOT_BUILT_HTML, csp: contentSecurityPolicy });
}
