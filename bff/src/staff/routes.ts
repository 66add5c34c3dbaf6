import { z } from 'zod';
import { staffPatchSchema } from '@mashang/shared';
import type { AppDeps } from '../app';
import { defineRoute, type RouteKit } from '../http/route';
import { ifMatchVersion, setVersionTag } from '../auth/if-match';
import { STAFF_PASSWORD_POLICY } from '../auth/password-policy';
import { createStaff, getStaff, listStaff, staffView, updateStaff } from './service';
import { staffCreateBody, staffIdParams, staffListQuery, staffSchema } from './schemas';

const one = z.object({ staff: staffSchema });
const TAGS = ['staff'];

/** Staff accounts: administrators only. No DELETE: deactivate (`active: false`) keeps the history attributable. */
export function staffRoutes(kit: RouteKit, deps: AppDeps): void {
  defineRoute(
    kit,
    {
      method: 'post',
      path: '/api/admin/v1/staff',
      summary: 'Create a staff account',
      description: `A handler needs a unit; the unit must exist and be active. ${STAFF_PASSWORD_POLICY}`,
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      body: staffCreateBody,
      responses: { 201: { description: 'created', schema: one }, 400: { description: 'VALIDATION_FAILED, WEAK_PASSWORD (contains the username, or a common password)' }, 409: { description: 'USERNAME_TAKEN' }, 422: { description: 'UNIT_NOT_FOUND, UNIT_INACTIVE, HANDLER_NEEDS_UNIT' } },
    },
    async (ctx, { body, actor }) => {
      const staff = await createStaff(deps, body, actor);
      ctx.status = 201;
      setVersionTag(ctx, staff.version);
      ctx.body = { staff: staffView(staff) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'get',
      path: '/api/admin/v1/staff',
      summary: 'List staff accounts (newest first)',
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      query: staffListQuery,
      responses: { 200: { description: 'a page of accounts', schema: z.object({ items: z.array(staffSchema), nextCursor: z.string().nullable() }) } },
    },
    async (ctx, { query }) => {
      ctx.body = await listStaff(deps.db, query);
    },
  );

  defineRoute(
    kit,
    { method: 'get', path: '/api/admin/v1/staff/:id', summary: 'One staff account', tags: TAGS, auth: 'staff', roles: ['admin'], params: staffIdParams, responses: { 200: { description: 'the account', schema: one }, 404: { description: 'STAFF_NOT_FOUND' } } },
    async (ctx, { params }) => {
      const staff = await getStaff(deps.db, params.id);
      setVersionTag(ctx, staff.version);
      ctx.body = { staff: staffView(staff) };
    },
  );

  defineRoute(
    kit,
    {
      method: 'patch',
      path: '/api/admin/v1/staff/:id',
      summary: 'Change name, roles, unit, active flag or reset the password',
      description: `Changing roles, unit, active or password revokes the account's existing tokens. A reset password is held to the same policy as a new one. ${STAFF_PASSWORD_POLICY}`,
      tags: TAGS,
      auth: 'staff',
      roles: ['admin'],
      params: staffIdParams,
      body: staffPatchSchema,
      headers: { 'If-Match': 'the account version last read; 412 when it changed since' },
      responses: {
        200: { description: 'updated', schema: one },
        400: { description: 'VALIDATION_FAILED, WEAK_PASSWORD (a reset password is held to the same policy as a new one)' },
        404: { description: 'STAFF_NOT_FOUND' },
        409: { description: 'CONCURRENT_UPDATE' },
        412: { description: 'VERSION_MISMATCH' },
        422: { description: 'UNIT_NOT_FOUND, UNIT_INACTIVE, HANDLER_NEEDS_UNIT, CANNOT_CHANGE_SELF' },
      },
    },
    async (ctx, { params, body, actor }) => {
      const staff = await updateStaff(deps, params.id, body, actor, ifMatchVersion(ctx));
      setVersionTag(ctx, staff.version);
      ctx.body = { staff: staffView(staff) };
    },
  );
}
