import { z } from 'zod';
import { STAFF_ROLES, knowledgeAdminQuerySchema, knowledgeCreateSchema, knowledgePatchSchema, knowledgePublishSchema, knowledgeRetireSchema, knowledgeSearchQuerySchema, knowledgeSuggestQuerySchema } from '@mashang/shared';
import type { Context } from 'koa';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { clientIp, createRateLimiter } from '../ratelimit';
import type { KnowledgeEntry } from './model';
import { KNOWLEDGE_EDITORS } from './access';
import { createKnowledgeEntry, editKnowledgeEntry, markHelpful, publishKnowledgeEntry, retireKnowledgeEntry } from './service';
import { entryHistory, listForStaff, publishedEntry, searchPublished, staffEntry, staleForStaff, suggestKnowledge } from './queries';
import { entryViews } from './views';
import { entryIdParams, hitSchema, historySchema, knowledgeEntrySchema, oneEntry, staleUnitSchema } from './schemas';

const TAGS = ['knowledge'];
const ERR = { 404: { description: 'KNOWLEDGE_NOT_FOUND' } };
const WRITE_ERRORS = { ...ERR, 403: { description: 'KNOWLEDGE_OTHER_UNIT (handlers keep their own unit\'s entries)' }, 409: { description: 'CONCURRENT_UPDATE, KNOWLEDGE_ALREADY_RETIRED, KNOWLEDGE_INDEX_BUSY' }, 412: { description: 'VERSION_MISMATCH' }, 422: { description: 'KNOWLEDGE_REVIEW_DATE_PAST, UNIT_NOT_FOUND' } };

async function answerEntry(ctx: Context, deps: AppDeps, entry: KnowledgeEntry, status = 200): Promise<void> {
  ctx.status = status;
  setVersionTag(ctx, entry.version);
  ctx.body = { entry: (await entryViews(deps.db, [entry], deps.clock.now()))[0] };
}

/**
 * Citizen routes are public: self-service search must work before (or without) a WeChat login,
 * and published answers are public information. They are rate-limited per client address
 * (000 §29 abuse). Marking helpful needs a citizen, so it counts once per person.
 */
function citizenRoutes(kit: RouteKit, deps: AppDeps): void {
  const limiter = createRateLimiter(deps, { name: 'knowledge-public', limit: 120, windowMs: 60_000 });
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/knowledge', summary: 'Search the knowledge base (published answers, BM25 over Chinese tokens, question weighted ×3)', tags: TAGS, auth: 'public', query: knowledgeSearchQuerySchema, responses: { 200: { description: 'best first', schema: z.object({ items: z.array(hitSchema) }) }, 429: { description: 'RATE_LIMITED' } } },
    async (ctx, { query }) => {
      await limiter.consume(clientIp(ctx), ctx);
      ctx.body = { items: await searchPublished(deps.db, query.q, query.limit) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/knowledge/suggest', summary: 'Up to three questions matching what the citizen is typing', tags: TAGS, auth: 'public', query: knowledgeSuggestQuerySchema, responses: { 200: { description: 'suggestions', schema: z.object({ items: z.array(z.object({ id: z.string(), question: z.string() })) }) }, 429: { description: 'RATE_LIMITED' } } },
    async (ctx, { query }) => {
      await limiter.consume(clientIp(ctx), ctx);
      ctx.body = { items: await suggestKnowledge(deps.db, query.q) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/v1/knowledge/:id', summary: 'One published entry', tags: TAGS, auth: 'public', params: entryIdParams, responses: { 200: { description: 'the entry', schema: oneEntry }, ...ERR } },
    async (ctx, { params }) => {
      ctx.body = { entry: await publishedEntry(deps, params.id) };
    },
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/v1/knowledge/:id/helpful', summary: 'Mark an answer helpful (once per citizen; repeats are not counted)', tags: TAGS, auth: 'citizen', params: entryIdParams, responses: { 200: { description: 'counted: false on a repeat', schema: z.object({ counted: z.boolean(), helpfulCount: z.number() }) }, ...ERR } },
    async (ctx, { params, actor }) => {
      ctx.body = await markHelpful(deps, params.id, actor.id);
    },
  );
}

function adminReadRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/knowledge',
      summary: 'Operators\' search (with q: published entries by relevance) or the maintenance list (without q: all statuses, newest first)',
      description: 'Handlers see their own unit\'s entries. `stale=true`: published entries past their review date (001 §22(4)).',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      query: knowledgeAdminQuerySchema,
      responses: { 200: { description: 'a page', schema: z.object({ items: z.array(knowledgeEntrySchema), nextCursor: z.string().nullable() }) } },
    },
    async (ctx, { query, actor }) => {
      ctx.body = await listForStaff(deps, query, actor);
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/knowledge/stale', summary: 'Published entries past their review date, per unit (a supervision trigger, 001 §22(4))', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, responses: { 200: { description: 'units with most stale entries first', schema: z.object({ units: z.array(staleUnitSchema) }) } } },
    async (ctx, { actor }) => {
      ctx.body = { units: await staleForStaff(deps, actor) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/knowledge/:id', summary: 'One entry (any status the staff member may see)', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, params: entryIdParams, responses: { 200: { description: 'the entry', schema: oneEntry }, ...ERR } },
    async (ctx, { params, actor }) => answerEntry(ctx, deps, await staffEntry(deps, params.id, actor)),
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/knowledge/:id/history', summary: 'Every version of the entry, oldest first', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, params: entryIdParams, responses: { 200: { description: 'versions', schema: z.object({ items: z.array(historySchema) }) }, ...ERR } },
    async (ctx, { params, actor }) => {
      ctx.body = { items: await entryHistory(deps, params.id, actor) };
    },
  );
}

function adminWriteRoutes(kit: RouteKit, deps: AppDeps): void {
  const ifMatch = { 'If-Match': 'the entry version last read; 412 when it changed since' };
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/knowledge', summary: 'Create a draft entry (handlers: for their own unit)', tags: TAGS, auth: 'staff', roles: KNOWLEDGE_EDITORS, body: knowledgeCreateSchema, responses: { 201: { description: 'created as draft', schema: oneEntry }, ...WRITE_ERRORS } },
    async (ctx, { body, actor }) => answerEntry(ctx, deps, await createKnowledgeEntry(deps, body, actor), 201),
  );
  defineRoute(
    kit,
    { method: 'patch', path: '/api/admin/v1/knowledge/:id', summary: 'Edit an entry (a new version; the previous one stays in the history)', tags: TAGS, auth: 'staff', roles: KNOWLEDGE_EDITORS, params: entryIdParams, body: knowledgePatchSchema, headers: ifMatch, responses: { 200: { description: 'updated', schema: oneEntry }, ...WRITE_ERRORS } },
    async (ctx, { params, body, actor }) => answerEntry(ctx, deps, await editKnowledgeEntry(deps, params.id, body, actor, ifMatchVersion(ctx))),
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/knowledge/:id/publish', summary: 'Publish (or confirm as reviewed): searchable by citizens; the review date moves on', tags: TAGS, auth: 'staff', roles: KNOWLEDGE_EDITORS, params: entryIdParams, body: knowledgePublishSchema, headers: ifMatch, responses: { 200: { description: 'published', schema: oneEntry }, ...WRITE_ERRORS } },
    async (ctx, { params, body, actor }) => answerEntry(ctx, deps, await publishKnowledgeEntry(deps, params.id, body, actor, ifMatchVersion(ctx))),
  );
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/knowledge/:id/retire', summary: 'Retire: no longer searchable or citable', tags: TAGS, auth: 'staff', roles: KNOWLEDGE_EDITORS, params: entryIdParams, body: knowledgeRetireSchema, headers: ifMatch, responses: { 200: { description: 'retired', schema: oneEntry }, ...WRITE_ERRORS } },
    async (ctx, { params, body, actor }) => answerEntry(ctx, deps, await retireKnowledgeEntry(deps, params.id, body, actor, ifMatchVersion(ctx))),
  );
}

/** The knowledge base (001 §18, 002 §34, 003 §22). The static `/stale` and `/suggest` paths are registered before `/:id`. */
export function knowledgeRoutes(kit: RouteKit, deps: AppDeps): void {
  citizenRoutes(kit, deps);
  adminReadRoutes(kit, deps);
  adminWriteRoutes(kit, deps);
}
