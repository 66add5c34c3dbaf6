/**
 * GeoReport services = the leaves of the dispatch catalogue (002 §20) that are in use:
 * `service_code` is the category code, `group` its 大类, `keywords` the words the catalogue
 * matches. Every service takes the same two optional attributes: the request type (our five
 * types; complaint by default) and confidentiality (000 §14).
 */
import type { Connection } from 'mongoose';
import { TICKET_TYPES, TYPE_LABELS, type TicketType } from '@mashang/shared';
import { listCategories } from '../catalog';
import type { CategoryDoc } from '../catalog/model';
import { open311Error } from './errors';

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

export const DEFAULT_REQUEST_TYPE: TicketType = 'complaint';

export const ATTRIBUTES = [
  {
    variable: true,
    code: 'request_type',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: `诉求类型，默认 ${DEFAULT_REQUEST_TYPE}（${TYPE_LABELS[DEFAULT_REQUEST_TYPE]}）`,
    order: 1,
    description: '诉求类型 (request type)',
    values: TICKET_TYPES.map((t) => ({ key: t, name: TYPE_LABELS[t] })),
  },
  {
    variable: true,
    code: 'confidential',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '保密：承办单位看不到诉求人身份，公开查询不显示内容与地址',
    order: 2,
    description: '是否保密 (keep the reporter confidential)',
    values: [
      { key: 'false', name: '不保密' },
      { key: 'true', name: '保密' },
    ],
  },
  {
    variable: true,
    code: 'disclose_identity',
    datatype: 'singlevaluelist',
    required: false,
    datatype_description: '同意向承办单位提供姓名和电话（004 §14、000 §14）；默认不同意：承办单位看不到诉求人身份。举报一律保密',
    order: 3,
    description: '是否同意提供身份 (the reporter agrees that the handling units see their name and phone)',
    values: [
      { key: 'false', name: '不同意（默认）' },
      { key: 'true', name: '同意' },
    ],
  },
] as const;

/** Active categories that have no active category below them: what a request can be filed under. */
function usableLeaves(all: CategoryDoc[]): CategoryDoc[] {
  const parents = new Set(all.map((c) => c.parent).filter((p): p is string => p !== null));
  return all.filter((c) => !parents.has(c._id));
}

export async function listServices(db: Connection): Promise<Open311Service[]> {
  const all = await listCategories(db, { active: true });
  const names = new Map(all.map((c) => [c._id, c.name]));
  return usableLeaves(all).map((c) => ({
    service_code: c._id,
    service_name: c.name,
    description: c.path,
    metadata: true,
    type: 'realtime',
    keywords: c.keywords.join(', '),
    group: names.get(c._id.slice(0, 2)) ?? c.path.split('/')[0],
  }));
}

/** The service a request is filed under; 400 (the spec's answer to a bad service_code) when it is none. */
export async function serviceFor(db: Connection, code: string): Promise<Open311Service> {
  const service = (await listServices(db)).find((s) => s.service_code === code);
  if (!service) throw open311Error(400, `service_code ${code} is not a service of this endpoint (GET services.json lists them)`);
  return service;
}

export async function serviceDefinition(db: Connection, code: string) {
  const service = (await listServices(db)).find((s) => s.service_code === code);
  if (!service) throw open311Error(404, `service_code ${code} not found`);
  return { service_code: service.service_code, attributes: ATTRIBUTES };
}
