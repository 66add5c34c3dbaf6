import Ajv from 'ajv';
import { buildTestApp, type TestApp } from '../support/app';

/** The document itself: ids, links and examples a client or a stateful tester relies on (issue 18). */
let t: TestApp;
type Op = { operationId: string; requestBody?: { content: Record<string, { schema: object; example?: unknown }> }; responses: Record<string, { links?: Record<string, { operationId: string; parameters: Record<string, string> }> }> };
let doc: { paths: Record<string, Record<string, Op>>; components: object };
const ajv = new Ajv({ nullable: true, allErrors: true, unknownFormats: 'ignore' });

beforeAll(async () => {
  t = await buildTestApp();
  doc = (await t.http.get('/api/openapi.json').expect(200)).body;
});
afterAll(() => t.close());

const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));

describe('the OpenAPI document', () => {
  test('when a client reads it, then every operation has a unique operationId', () => {
    const ids = operations().map((o) => o.op.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('when a tester follows links, then each names an existing operation and a parameter of its path (create → read → act)', () => {
    const byId = new Map(operations().map((o) => [o.op.operationId, o]));
    const broken: string[] = [];
    let links = 0;
    for (const { path, method, op } of operations()) {
      for (const [status, r] of Object.entries(op.responses)) {
        for (const [name, link] of Object.entries(r.links ?? {})) {
          links++;
          const target = byId.get(link.operationId);
          if (!target || !Object.keys(link.parameters).every((p) => target.path.includes(`{${p}}`))) broken.push(`${method} ${path} ${status} → ${name}`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(links).toBeGreaterThan(40);
    const created = doc.paths['/api/admin/v1/tickets'].post.responses['201'].links ?? {};
    expect(Object.keys(created)).toEqual(expect.arrayContaining(['read', 'accept', 'reject']));
    expect(doc.paths['/api/v1/tickets'].post.responses['201'].links?.read.operationId).toBe('citizen-get-ticket');
  });

  test('when an operation shows a request example, then the example validates against its own schema', () => {
    const invalid: string[] = [];
    let examples = 0;
    for (const { path, method, op } of operations()) {
      const media = op.requestBody?.content['application/json'];
      if (media?.example === undefined) continue;
      examples++;
      if (!ajv.validate({ ...media.schema, components: doc.components }, media.example)) invalid.push(`${method} ${path}: ${ajv.errorsText()}`);
    }
    expect(invalid).toEqual([]);
    expect(examples).toBeGreaterThanOrEqual(9);
  });

  test('when staff look up a ticket action, then it is its own operation with the body schema, the roles of the state machine and the profile’s reason codes', () => {
    const reject = doc.paths['/api/admin/v1/tickets/{no}/reject'].post as Op & { 'x-roles': string[] };
    expect(reject['x-roles']).toEqual(['operator']);
    const schema = reject.requestBody!.content['application/json'].schema as { properties: { reasonCode: { enum: string[] } }; required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['reasonCode', 'note']));
    expect(schema.properties.reasonCode.enum).toContain('petition');
    expect(doc.paths['/api/admin/v1/tickets/{no}/{action}']).toBeUndefined();
  });
});
