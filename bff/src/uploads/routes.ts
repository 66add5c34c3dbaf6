import { z } from 'zod';
import { MEDIA_KINDS, MEDIA_LIMITS } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { absoluteUrl } from '../storage/absolute-url';
import { issueUpload, staffUploader } from './service';

/**
 * One branch per kind, so the document lists the MIME types each kind accepts (MEDIA_LIMITS, the
 * table `checkDeclared` applies). The server still normalises `image/JPEG; charset=x`, so the
 * validator keeps a string; the enum is the documented contract.
 */
export const uploadRequestSchema = z.discriminatedUnion(
  'kind',
  MEDIA_KINDS.map((kind) =>
    z.object({
      kind: z.literal(kind),
      mime: z.string().min(3).max(100).meta({ enum: [...MEDIA_LIMITS[kind].mimes] }),
      // The per-kind limits as the document states them; the service answers beyond them (413 MEDIA_TOO_LARGE, 400 MEDIA_TOO_LONG).
      size: z.number().int().positive().meta({ maximum: MEDIA_LIMITS[kind].maxBytes }),
      duration: z
        .number()
        .nonnegative()
        .max(86_400)
        .meta(MEDIA_LIMITS[kind].maxDurationSec !== undefined ? { maximum: MEDIA_LIMITS[kind].maxDurationSec } : {})
        .optional(),
    }),
  ) as unknown as [z.ZodObject<{ kind: z.ZodLiteral<(typeof MEDIA_KINDS)[number]>; mime: z.ZodString; size: z.ZodNumber; duration: z.ZodOptional<z.ZodNumber> }>],
);

const issuedSchema = z.object({
  key: z.string(),
  uploadUrl: z.string(),
  fields: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

const UPLOAD_ERRORS = {
  400: { description: 'MEDIA_TYPE_NOT_ALLOWED, MEDIA_TOO_LONG, VALIDATION_FAILED' },
  413: { description: 'MEDIA_TOO_LARGE' },
  429: { description: 'RATE_LIMITED: too many uploads this hour' },
} as const;

export function uploadRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/uploads',
      summary: 'Get a signed policy to upload one attachment of a reply (unit staff)',
      description:
        'The staff side of POST /api/v1/uploads, with the same limits and the same two steps (`fields` + form field `file` to `uploadUrl`). The key is this staff member’s: only they can attach it, as `attachments` of the reply action (办结答复), which claims it for that ticket; then the citizen and whoever may see the ticket may read it.',
      tags: ['media'],
      auth: 'staff',
      roles: ['handler'],
      body: uploadRequestSchema,
      responses: { 201: { description: 'policy issued', schema: issuedSchema }, ...UPLOAD_ERRORS },
    },
    async (ctx, { body, actor }) => {
      const issued = await issueUpload(deps, staffUploader(actor.id), body);
      ctx.status = 201;
      ctx.body = { key: issued.key, uploadUrl: absoluteUrl(deps.config, issued.uploadUrl), fields: issued.fields, expiresAt: issued.expiresAt.toISOString() };
    },
  );


  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/v1/uploads',
      summary: 'Get a signed policy to upload one attachment directly to storage',
      description:
        'Send `fields` and then the file (form field `file`) as multipart/form-data to `uploadUrl` (Taro.uploadFile with name "file" and formData = fields), within 10 minutes. Then reference `key` in a ticket or supplement. Limits per kind come from GET /api/v1/meta.',
      tags: ['media'],
      auth: 'citizen',
      body: uploadRequestSchema,
      responses: { 201: { description: 'policy issued', schema: issuedSchema }, ...UPLOAD_ERRORS },
    },
    async (ctx, { body, actor }) => {
      const issued = await issueUpload(deps, actor.id, body);
      ctx.status = 201;
      ctx.body = { key: issued.key, uploadUrl: absoluteUrl(deps.config, issued.uploadUrl), fields: issued.fields, expiresAt: issued.expiresAt.toISOString() };
    },
  );
}
