/**
 * Reads the app's own `/api/openapi.json` into a flat list of operations the fuzzer can
 * target, so every route that lands in the registry is fuzzed without editing this harness.
 */
import type { StaffRole } from '@mashang/shared';

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
};

export interface ParamSpec {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export type Security = 'public' | 'citizen' | 'staff';

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI template, e.g. `/api/v1/tickets/{no}`. */
  path: string;
  security: Security;
  /** Staff roles allowed (`x-roles`); empty means any staff role. */
  roles: StaffRole[];
  params: ParamSpec[];
  body?: JsonSchema;
  /** Response statuses the document declares (for the report). */
  documented: number[];
}

interface RawOperation {
  security?: Array<Record<string, unknown>>;
  'x-roles'?: StaffRole[];
  parameters?: ParamSpec[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, unknown>;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, RawOperation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function securityOf(op: RawOperation): Security {
  const scheme = Object.keys(op.security?.[0] ?? {})[0];
  if (scheme === 'citizenToken') return 'citizen';
  if (scheme === 'staffToken') return 'staff';
  return 'public';
}

/** Every JSON operation of the document; non-JSON bodies (multipart uploads) get no body schema. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      out.push({
        method,
        path,
        security: securityOf(op),
        roles: op['x-roles'] ?? [],
        params: op.parameters ?? [],
        body: op.requestBody?.content?.['application/json']?.schema,
        documented: Object.keys(op.responses ?? {}).map(Number),
      });
    }
  }
  return out;
}

export const opLabel = (op: Pick<Operation, 'method' | 'path'>): string => `${op.method.toUpperCase()} ${op.path}`;
