/**
 * The demo city's Open311 client (issue 15): `npm start` seeds it with the organisation and
 * writes its key beside the demo accounts, so the README's curl session works as printed.
 */
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { buildTestApp, type TestApp } from '../support/app';
import { credentialsFile, seedDemoOnStart } from '../../bff/src/seed/startup';
import { seedDemoOpen311Client } from '../../bff/src/open311';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('Open311 demo client', () => {
  test('when the demo city is seeded, then demo-credentials.txt holds the demo-open311 key, which files a 路灯 request the demo catalogue sends to 城管', async () => {
    expect((await seedDemoOnStart(t.deps, new PassThrough())).decision).toBe('seeded');
    const line = readFileSync(credentialsFile(t.config.dataDir), 'utf8').split('\n').find((l) => l.trim().startsWith('demo-open311'));
    const apiKey = line?.trim().split(/\s+/)[1] ?? '';
    expect(apiKey).toMatch(/^o311_/);

    const services = await t.http.get('/open311/v2/services.json').expect(200);
    expect(services.body).toEqual(expect.arrayContaining([expect.objectContaining({ service_code: '010101', service_name: '路灯照明', group: '城乡建设' })]));
    const filed = await t.http.post('/open311/v2/requests.json').type('form').send({ api_key: apiKey, service_code: '010101', address_string: '白银区四龙路', description: '四龙路小区门口的路灯坏了一周，晚上很黑' }).expect(201);
    const [req] = (await t.http.get(`/open311/v2/requests/${filed.body[0].service_request_id}.json`).expect(200)).body;
    expect(req).toEqual(expect.objectContaining({ status: 'open', service_code: '010101', service_name: '路灯照明' }));
    // Seeding again creates no second key (the first cannot be read back).
    expect(await seedDemoOpen311Client(t.deps)).toEqual([]);
  });
});
