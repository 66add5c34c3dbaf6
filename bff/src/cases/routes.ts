import { z } from 'zod';
import { adminCaseListQuerySchema, caseCreateSchema, caseIdParamsSchema, caseListQuerySchema, caseUpdateSchema, CASE_PUBLISHER_NOTICE } from '@mashang/shared';
import type { AppDeps } from '../app';
import { ifMatchVersion } from '../auth/if-match';
import { defineRoute, type RouteKit } from '../http/route';
import { listCases } from './queries';
import { createCase, getCase, getPublishedCase, publishCase, unpublishCase, updateCase, type CaseDeps } from './service';
import { adminCaseView, publicCaseView } from './views';

const STAFF = ['operator', 'supervisor', 'admin'] as const;
const ADMIN_TAGS = ['cases (admin)'];
const PUBLIC_TAGS = ['cases (public)'];

const publicCase = z.object({ id: z.string(), title: z.string(), summary: z.string().nullable(), content: z.string(), result: z.string(), type: z.string(), typeLabel: z.string(), unitName: z.string().nullable(), unit: z.string().nullable(), closedAt: z.string().nullable(), publishedAt: z.string().nullable() });
const adminCase = z.object({ id: z.string(), ticketNo: z.string(), title: z.string(), content: z.string(), result: z.string(), status: z.string(), redacted: z.record(z.string(), z.number()), remaining: z.record(z.string(), z.number()), notice: z.string(), attachmentsPublished: z.boolean(), version: z.number() }).passthrough();
const one = z.object({ case: adminCase });
const page = <S extends z.ZodType>(item: S) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Publish and withdraw act on the version the publisher read (optional header, like the ticket actions'). */
const CASE_IF_MATCH = { 'If-Match': 'the case `version` last read; 412 VERSION_MISMATCH when the case changed since' };
const NOTICE = `Attachments (photos, videos, voice) are never published. ${CASE_PUBLISHER_NOTICE}`;

function caseDeps(deps: AppDeps): CaseDeps {
  return { db: deps.db, dataKey: deps.secrets.dataKey, now: deps.clock.now() };
}

function adminRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/cases',
      summary: 'Draft a public case from a closed ticket, texts redacted automatically (004 §15)',
      description: `Only closed, non-confidential tickets. content/result default to the ticket's; every text is redacted (ID and phone numbers, e-mail, plates, names → 张某, house numbers, buildings and rooms; the street stays). \`redacted\` counts what was removed, \`remaining\` what still looks personal. ${NOTICE}`,
      tags: ADMIN_TAGS,
      auth: 'staff',
      roles: STAFF,
      body: caseCreateSchema,
      responses: { 201: { description: 'the draft', schema: one }, 404: { description: 'TICKET_NOT_FOUND' }, 409: { description: 'CASE_EXISTS (details.id)' }, 422: { description: 'CASE_TICKET_NOT_CLOSED, CASE_TICKET_CONFIDENTIAL' } },
    },
    async (ctx, { body, actor }) => {
      ctx.status = 201;
      ctx.body = { case: adminCaseView(await createCase(caseDeps(deps), body, actor)) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/cases', summary: 'Cases in every state, newest first', tags: ADMIN_TAGS, auth: 'staff', roles: STAFF, query: adminCaseListQuerySchema, responses: { 200: { description: 'a page', schema: page(adminCase) }, 400: { description: 'VALIDATION_FAILED, INVALID_CURSOR' } } },
    async (ctx, { query }) => {
      const res = await listCases(deps.db, query, 'createdAt');
      ctx.body = { items: res.items.map(adminCaseView), nextCursor: res.nextCursor };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/cases/:id', summary: 'One case, with what still looks like personal data', tags: ADMIN_TAGS, auth: 'staff', roles: STAFF, params: caseIdParamsSchema, responses: { 200: { description: 'the case', schema: one }, 404: { description: 'CASE_NOT_FOUND' } } },
    async (ctx, { params }) => {
      ctx.body = { case: adminCaseView(await getCase(deps.db, params.id)) };
    },
  );
  defineRoute(
    kit,
    {
      method: 'patch',
      path: '/api/admin/v1/cases/:id',
      summary: "The publisher's edit of the redacted texts (draft or withdrawn cases)",
      description: 'Texts are stored as written (the publisher is responsible); `remaining` shows what still looks personal. `version` is the one last read.',
      tags: ADMIN_TAGS,
      auth: 'staff',
      roles: STAFF,
      params: caseIdParamsSchema,
      body: caseUpdateSchema,
      responses: { 200: { description: 'updated', schema: one }, 404: { description: 'CASE_NOT_FOUND' }, 409: { description: 'CASE_PUBLISHED, CONCURRENT_UPDATE' }, 412: { description: 'VERSION_MISMATCH' } },
    },
    async (ctx, { params, body }) => {
      ctx.body = { case: adminCaseView(await updateCase(caseDeps(deps), params.id, body)) };
    },
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/cases/:id/publish', summary: 'Publish a case (refused while an ID number, phone, e-mail or the citizen’s own name remains)', description: `Numbers are checked after normalizing full-width digits and Chinese numerals; the contact name given on the ticket blocks with or without a cue word. Audited (case.publish). ${NOTICE}`, tags: ADMIN_TAGS, auth: 'staff', roles: STAFF, params: caseIdParamsSchema, headers: CASE_IF_MATCH, responses: { 200: { description: 'published', schema: one }, 404: { description: 'CASE_NOT_FOUND' }, 409: { description: 'CASE_INVALID_TRANSITION, CONCURRENT_UPDATE' }, 412: { description: 'VERSION_MISMATCH' }, 422: { description: 'CASE_PERSONAL_DATA (`details.remaining` counts what is left)' } } },
    async (ctx, { params, actor }) => {
      ctx.body = { case: adminCaseView(await publishCase(caseDeps(deps), params.id, actor, ifMatchVersion(ctx))) };
    },
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/cases/:id/unpublish', summary: 'Withdraw a published case from the public list', tags: ADMIN_TAGS, auth: 'staff', roles: STAFF, params: caseIdParamsSchema, headers: CASE_IF_MATCH, responses: { 200: { description: 'withdrawn', schema: one }, 404: { description: 'CASE_NOT_FOUND' }, 409: { description: 'CASE_INVALID_TRANSITION, CONCURRENT_UPDATE' }, 412: { description: 'VERSION_MISMATCH' } } },
    async (ctx, { params }) => {
      ctx.body = { case: adminCaseView(await unpublishCase(caseDeps(deps), params.id, ifMatchVersion(ctx))) };
    },
  );
}

function publicRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/public/cases', summary: 'Published representative cases, newest publication first (004 §15); no login', tags: PUBLIC_TAGS, auth: 'public', query: caseListQuerySchema, responses: { 200: { description: 'a page', schema: page(publicCase) }, 400: { description: 'VALIDATION_FAILED, INVALID_CURSOR' } } },
    async (ctx, { query }) => {
      const res = await listCases(deps.db, { ...query, status: 'published' }, 'publishedAt');
      ctx.body = { items: res.items.map(publicCaseView), nextCursor: res.nextCursor };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/public/cases/:id', summary: 'One published case; drafts and withdrawn cases are 404', tags: PUBLIC_TAGS, auth: 'public', params: caseIdParamsSchema, responses: { 200: { description: 'the case', schema: z.object({ case: publicCase }) }, 404: { description: 'CASE_NOT_FOUND' } } },
    async (ctx, { params }) => {
      ctx.body = { case: publicCaseView(await getPublishedCase(deps.db, params.id)) };
    },
  );
}

export function caseRoutes(kit: RouteKit, deps: AppDeps): void {
  adminRoutes(kit, deps);
  publicRoutes(kit, deps);
}
