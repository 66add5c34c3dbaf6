import { z } from 'zod';
import { STAFF_ROLES, categoryCodeSchema, categoryCreateSchema, categoryListQuerySchema, categoryPatchSchema, dispatchAccuracyQuerySchema, dispatchSuggestSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { parseChinaDate } from '../text';
import { categoryView, createCategory, getCategory, listCategories, updateCategory } from './service';
import { suggestDispatch } from './suggest';
import { dispatchAccuracy } from './outcomes';

const TAGS = ['catalog'];
const assignment = z.object({ region: z.string().nullable(), lead: z.string(), coUnits: z.array(z.string()) });
const categorySchema = z.object({ code: z.string(), name: z.string(), parent: z.string().nullable(), level: z.number(), path: z.string(), keywords: z.array(z.string()), assignments: z.array(assignment), active: z.boolean(), version: z.number() });
const one = z.object({ category: categorySchema });
const codeParams = z.strictObject({ code: categoryCodeSchema });
const suggestionSchema = z.object({ leadUnit: z.string().nullable(), coUnits: z.array(z.string()), category: z.string().nullable(), confidence: z.number(), reasons: z.array(z.string()) });
const WRITE_ERRORS = { 409: { description: 'CATEGORY_CODE_TAKEN, CATEGORY_FULL, CONCURRENT_UPDATE' }, 412: { description: 'VERSION_MISMATCH' }, 422: { description: 'CATEGORY_PARENT_NOT_FOUND, CATEGORY_TOO_DEEP, CATEGORY_CODE_INVALID, CATEGORY_HAS_ACTIVE_CHILDREN, UNIT_NOT_FOUND' } };
const DISPATCHERS = ['admin', 'operator', 'dispatcher'] as const;

function readRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/catalog', summary: 'The dispatch catalogue (002 §20), in tree (code) order', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, query: categoryListQuerySchema, responses: { 200: { description: 'all categories', schema: z.object({ items: z.array(categorySchema) }) } } },
    async (ctx, { query }) => {
      ctx.body = { items: (await listCategories(deps.db, query)).map(categoryView) };
    },
  );
  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/catalog/accuracy',
      summary: 'Share of dispatches where the suggested lead unit was the one chosen',
      description: 'accuracy = Σ correct / count over the suggestions recorded at dispatch in [from, to); null when none.',
      tags: TAGS,
      auth: 'staff',
      roles: STAFF_ROLES,
      query: dispatchAccuracyQuerySchema,
      responses: { 200: { description: 'figures', schema: z.object({ count: z.number(), correct: z.number(), accuracy: z.number().nullable() }) } },
    },
    async (ctx, { query }) => {
      ctx.body = await dispatchAccuracy(deps.db, { ...(query.from ? { from: parseChinaDate(query.from) } : {}), ...(query.to ? { to: parseChinaDate(query.to) } : {}) });
    },
  );
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/catalog/suggest',
      summary: 'Suggest the lead unit and co-units for a matter (code point, region, category, text)',
      tags: TAGS,
      auth: 'staff',
      roles: DISPATCHERS,
      body: dispatchSuggestSchema,
      responses: { 200: { description: 'the suggestion with its reasons', schema: z.object({ suggestion: suggestionSchema }) }, 422: { description: 'SCENE_NOT_FOUND, CATEGORY_NOT_FOUND' } },
    },
    async (ctx, { body }) => {
      ctx.body = { suggestion: await suggestDispatch(deps, body) };
    },
  );
  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/catalog/:code', summary: 'One category', tags: TAGS, auth: 'staff', roles: STAFF_ROLES, params: codeParams, responses: { 200: { description: 'the category', schema: one }, 404: { description: 'CATEGORY_NOT_FOUND' } } },
    async (ctx, { params }) => {
      const category = await getCategory(deps.db, params.code);
      setVersionTag(ctx, category.version);
      ctx.body = { category: categoryView(category) };
    },
  );
}

function writeRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    { method: 'post', path: '/api/admin/v1/catalog', summary: 'Create a category (code allocated under the parent unless given)', tags: TAGS, auth: 'staff', roles: ['admin'], body: categoryCreateSchema, responses: { 201: { description: 'created', schema: one }, ...WRITE_ERRORS } },
    async (ctx, { body, actor }) => {
      const category = await createCategory(deps, body, actor);
      ctx.status = 201;
      setVersionTag(ctx, category.version);
      ctx.body = { category: categoryView(category) };
    },
  );
  defineRoute(
    kit,
    { method: 'patch', path: '/api/admin/v1/catalog/:code', summary: 'Rename, re-key, re-map (assignments replace the list) or (de)activate', tags: TAGS, auth: 'staff', roles: ['admin'], params: codeParams, body: categoryPatchSchema, headers: { 'If-Match': 'the category version last read' }, responses: { 200: { description: 'updated', schema: one }, 404: { description: 'CATEGORY_NOT_FOUND' }, ...WRITE_ERRORS } },
    async (ctx, { params, body, actor }) => {
      const category = await updateCategory(deps, params.code, body, actor, ifMatchVersion(ctx));
      setVersionTag(ctx, category.version);
      ctx.body = { category: categoryView(category) };
    },
  );
  defineRoute(
    kit,
    {
      method: 'delete',
      path: '/api/admin/v1/catalog/:code',
      summary: 'Retire a category (deactivated, not erased: past tickets and suggestions keep naming it)',
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      params: codeParams,
      responses: { 200: { description: 'deactivated', schema: one }, 404: { description: 'CATEGORY_NOT_FOUND' }, 422: { description: 'CATEGORY_HAS_ACTIVE_CHILDREN' } },
    },
    async (ctx, { params, actor }) => {
      const category = await updateCategory(deps, params.code, { active: false }, actor, ifMatchVersion(ctx));
      ctx.body = { category: categoryView(category) };
    },
  );
}

/** The dispatch catalogue and suggestions (002 §20). Static paths are registered before `/:code`. */
export function catalogRoutes(kit: RouteKit, deps: AppDeps): void {
  readRoutes(kit, deps);
  writeRoutes(kit, deps);
}
