import { z } from 'zod';
import { unitCreateSchema, unitPatchSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { createUnit, getUnit, listUnits, unitView, updateUnit } from './service';
import { unitIdParams, unitListQuery, unitSchema } from './schemas';

const one = z.object({ unit: unitSchema });
const TAGS = ['units'];

export function unitRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/units',
      summary: 'Create a unit in the organisation tree',
      description: 'Levels province city district street community. Territorial units sit one level below their parent; departments and utilities may share their parent\'s level. Utilities default to is24h (000 §16, 001 §20).',
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      body: unitCreateSchema,
      responses: { 201: { description: 'created', schema: one }, 409: { description: 'UNIT_NAME_TAKEN' }, 422: { description: 'PARENT_NOT_FOUND, PARENT_INACTIVE, UNIT_PLACEMENT_INVALID' } },
    },
    async (ctx, { body, actor }) => {
      const unit = await createUnit(deps, body, actor);
      ctx.status = 201;
      setVersionTag(ctx, unit.version);
      ctx.body = { unit: unitView(unit) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/units',
      summary: 'List units (direct children of `parent`, or the subtree of `subtreeOf`)',
      tags: TAGS,
      auth: 'staff',
      query: unitListQuery,
      responses: { 200: { description: 'a page of units in creation order', schema: z.object({ items: z.array(unitSchema), nextCursor: z.string().nullable() }) } },
    },
    async (ctx, { query }) => {
      ctx.body = await listUnits(deps.db, query);
    },
  );

  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/units/:id', summary: 'One unit', tags: TAGS, auth: 'staff', params: unitIdParams, responses: { 200: { description: 'the unit', schema: one }, 404: { description: 'UNIT_NOT_FOUND' } } },
    async (ctx, { params }) => {
      const unit = await getUnit(deps.db, params.id);
      setVersionTag(ctx, unit.version);
      ctx.body = { unit: unitView(unit) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'patch',
      path: '/api/admin/v1/units/:id',
      summary: 'Rename, re-flag, (de)activate or move a unit (the subtree moves with it)',
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      params: unitIdParams,
      body: unitPatchSchema,
      headers: { 'If-Match': 'the unit version last read; 412 when it changed since' },
      responses: {
        200: { description: 'updated', schema: one },
        404: { description: 'UNIT_NOT_FOUND' },
        409: { description: 'UNIT_NAME_TAKEN, UNIT_TREE_BUSY, CONCURRENT_UPDATE' },
        412: { description: 'VERSION_MISMATCH' },
        422: { description: 'UNIT_MOVE_CYCLE, UNIT_PLACEMENT_INVALID, UNIT_HAS_ACTIVE_CHILDREN, PARENT_NOT_FOUND' },
      },
    },
    async (ctx, { params, body, actor }) => {
      const unit = await updateUnit(deps, params.id, body, actor, ifMatchVersion(ctx));
      setVersionTag(ctx, unit.version);
      ctx.body = { unit: unitView(unit) };
    },
  );
}
