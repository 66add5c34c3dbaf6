import { deflateSync, crc32 } from 'node:zlib';
import { seedDemoCatalogAndScenes } from '../../../bff/src/catalog';
import { seedDemoOrg, type DemoOrg } from '../../../bff/src/seed/demo-org';
import type { Stack } from './stack';

/** The demo city as `npm start` gives it (organisation, staff, catalogue, printed code points). */
export interface DemoCity {
  org: DemoOrg;
  /** Staff tokens by demo account key: operator, dispatcher, renminluHandler. */
  tokens: Record<StaffKey, string>;
}

export type StaffKey = 'operator' | 'dispatcher' | 'renminluHandler';
const ACCOUNTS: Record<StaffKey, string> = { operator: 'demo-operator', dispatcher: 'demo-dispatcher', renminluHandler: 'demo-renminlu' };

/** Seeds the demo organisation and code points, and logs the staff in through the real admin login. */
export async function seedDemoCity(stack: Stack): Promise<DemoCity> {
  const { deps } = stack.app;
  const org = await seedDemoOrg(deps);
  await seedDemoCatalogAndScenes(deps);
  const tokens = {} as Record<StaffKey, string>;
  for (const [key, username] of Object.entries(ACCOUNTS) as Array<[StaffKey, string]>) {
    const password = org.created.find((c) => c.username === username)?.password;
    if (!password) throw new Error(`demo account ${username} was not created`);
    const res = await stack.app.http.post('/api/admin/v1/auth/login').send({ username, password }).expect(200);
    tokens[key] = (res.body as { token: string }).token;
  }
  return { org, tokens };
}

export interface StaffTicket {
  no: string;
  status: string;
  version: number;
}

/**
 * One staff action through the admin API (POST /api/admin/v1/tickets/{no}/{action}), with the
 * clock moved on a few minutes first so the timeline reads in order.
 */
export async function staffAct(stack: Stack, city: DemoCity, as: StaffKey, no: string, action: string, body: object = {}): Promise<StaffTicket> {
  stack.app.clock.advance(7 * 60 * 1000);
  const res = await stack.app.http.post(`/api/admin/v1/tickets/${no}/${action}`).set('Authorization', `Bearer ${city.tokens[as]}`).send(body);
  if (res.status !== 200) throw new Error(`${action} on ${no} as ${as}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { ticket: StaffTicket }).ticket;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A real little PNG (a grey road with a dark pothole), so the browser can show its preview. */
export function photoPng(width = 96, height = 72): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) {
      const hole = (x - width / 2) ** 2 / 400 + (y - height / 2) ** 2 / 150 < 1;
      row.fill(hole ? 40 : 150, 1 + x * 3, 4 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}
