/** The demo city's Open311 client, so the README's curl session has a key (printed with the demo accounts). */
import type { Connection } from 'mongoose';
import type { Clock } from '../lib/clock';
import { insertClient } from './clients';
import { readyClientModel } from './model';

export const DEMO_CLIENT_ID = 'demo-open311';

export interface DemoKey {
  username: string;
  password: string;
  name: string;
  roles: string[];
}

/** Creates the demo client once; answers its key as a credentials line (none when it already exists: the key is not kept). */
export async function seedDemoOpen311Client(deps: { db: Connection; clock: Clock }): Promise<DemoKey[]> {
  if (await (await readyClientModel(deps.db)).exists({ _id: DEMO_CLIENT_ID })) return [];
  const { apiKey } = await insertClient(deps, { name: '演示 Open311 客户端' }, { id: 'system', name: 'demo seed' }, DEMO_CLIENT_ID);
  return [{ username: DEMO_CLIENT_ID, password: apiKey, name: '演示 Open311 客户端', roles: ['Open311 api_key'] }];
}
