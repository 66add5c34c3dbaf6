import type { Readable } from 'node:stream';
import { createReadStream } from 'node:fs';
import type { Context } from 'koa';
import { z } from 'zod';
import type { AppDeps } from '../app';
import { AppError, forbidden, notFound } from '../http/errors';
import { defineRoute, type RouteKit } from '../http/route';
import { LOCAL_FILES_PATH, LOCAL_UPLOAD_PATH, LocalStorage } from './local-storage';
import { receiveLocalUpload } from './local-upload';

/** `bytes=a-b`, `bytes=a-`, `bytes=-n`; null for no (or a multi-) range, which gets the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | 'unsatisfiable' {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? 'unsatisfiable' : { start, end };
}

/**
 * Answers an object of `size` bytes with single-range support (200, 206 or 416), opening the
 * bytes through `open` only once the range is known. Shared by the local files endpoint and
 * the handle endpoint of the media routes.
 */
export async function sendRanged(
  ctx: Context,
  object: { size: number; contentType: string },
  open: (range?: { start: number; end: number }) => Promise<Readable> | Readable,
): Promise<void> {
  const range = parseRange(ctx.get('Range') || undefined, object.size);
  if (range === 'unsatisfiable') {
    ctx.set('Content-Range', `bytes */${object.size}`);
    throw new AppError(416, 'RANGE_NOT_SATISFIABLE', '请求的范围无效');
  }
  ctx.set('Accept-Ranges', 'bytes');
  ctx.set('Content-Disposition', 'inline');
  ctx.type = object.contentType;
  const body = await open(range ?? undefined);
  if (range) {
    ctx.status = 206;
    ctx.set('Content-Range', `bytes ${range.start}-${range.end}/${object.size}`);
    ctx.length = range.end - range.start + 1;
  } else {
    ctx.length = object.size;
  }
  ctx.body = body;
}

async function serveFile(ctx: Context, storage: LocalStorage, key: string): Promise<void> {
  const head = await storage.head(key);
  const file = storage.pathFor(key);
  if (!head || !file) throw notFound('文件', 'MEDIA_NOT_FOUND');
  await sendRanged(ctx, head, (range) => createReadStream(file, range ?? {}));
}

const postResponseXml = (key: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<PostResponse><Bucket>local</Bucket><Key>${key}</Key></PostResponse>`;

/** The local adapter's two public endpoints; with OSS configured they do not exist. */
/** Query and answers of a signed, expiring read URL served with ranges (local files and media handles). */
export const SIGNED_READ_DOC = {
  query: z.object({ expires: z.coerce.number().int().positive(), signature: z.string().min(1).max(128) }),
  responses: {
    200: { description: 'the object' },
    206: { description: 'a byte range of the object' },
    403: { description: 'MEDIA_URL_INVALID or MEDIA_URL_EXPIRED' },
    404: { description: 'MEDIA_NOT_FOUND' },
    416: { description: 'RANGE_NOT_SATISFIABLE (Content-Range names the size)' },
  },
};

export function localStorageRoutes(kit: RouteKit, deps: AppDeps): void {
  const storage = deps.storage;
  if (!(storage instanceof LocalStorage)) return;
  defineRoute(
    kit,
    {
      method: 'post',
      path: LOCAL_UPLOAD_PATH,
      summary: 'Local storage: PostObject-compatible upload (multipart/form-data)',
      description:
        'Takes the `fields` returned by POST /api/v1/uploads (key, policy, OSSAccessKeyId, Signature, Content-Type, success_action_status, x-oss-forbid-overwrite) followed by the `file` part, exactly as Aliyun OSS PostObject does. The signature and every policy condition (expiry, key, content type, content-length-range) are checked before anything is written.',
      tags: ['media'],
      auth: 'public',
      rawBody: {
        contentType: 'multipart/form-data',
        schema: {
          type: 'object',
          required: ['key', 'policy', 'OSSAccessKeyId', 'Signature', 'file'],
          properties: {
            key: { type: 'string' },
            policy: { type: 'string', description: 'base64 policy from POST /api/v1/uploads' },
            OSSAccessKeyId: { type: 'string' },
            Signature: { type: 'string' },
            'Content-Type': { type: 'string' },
            success_action_status: { type: 'string', enum: ['200', '201', '204'] },
            'x-oss-forbid-overwrite': { type: 'string' },
            file: { type: 'string', format: 'binary', description: 'the last part of the form' },
          },
        },
      },
      responses: {
        200: { description: 'stored (success_action_status 200)' },
        400: { description: 'UPLOAD_FORM_INVALID (not multipart, fields missing or after the file, more than one file), UPLOAD_KEY_INVALID, UPLOAD_EMPTY' },
        201: { description: 'stored, with an OSS-style PostResponse XML body' },
        204: { description: 'stored (default)' },
        403: { description: 'UPLOAD_SIGNATURE_INVALID, UPLOAD_POLICY_EXPIRED, UPLOAD_POLICY_VIOLATED' },
        409: { description: 'OBJECT_EXISTS: a key is written once' },
        413: { description: 'MEDIA_TOO_LARGE: beyond the policy content-length-range (answered as soon as the file passes it, or before reading when Content-Length is beyond the largest medium; the connection is then closed)' },
      },
    },
    async (ctx) => {
      const result = await receiveLocalUpload(storage, ctx.req, deps.clock.now()).catch((err: unknown) => {
        // The rest of a refused form is not read: close the connection instead of draining it.
        ctx.set('Connection', 'close');
        throw err;
      });
      ctx.status = result.status;
      if (result.status === 201) {
        ctx.type = 'application/xml';
        ctx.body = postResponseXml(result.key);
      } else if (result.status === 200) {
        ctx.body = '';
      }
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: `${LOCAL_FILES_PATH}/*key`,
      summary: 'Local storage: read an object through a signed, expiring URL',
      description: 'URLs come only from the media routes (302). HMAC-signed over the key and expiry; supports single byte ranges for audio/video playback.',
      tags: ['media'],
      auth: 'public',
      params: z.object({ key: z.string().min(1).max(200) }),
      ...SIGNED_READ_DOC,
    },
    async (ctx, { params, query }) => {
      const verdict = storage.checkReadUrl(params.key, query.expires, query.signature);
      if (verdict === 'invalid') throw forbidden('文件链接无效', 'MEDIA_URL_INVALID');
      if (verdict === 'expired') throw forbidden('文件链接已过期，请刷新后重试', 'MEDIA_URL_EXPIRED');
      await serveFile(ctx, storage, params.key);
    },
  );
}
