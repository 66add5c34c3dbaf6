import type { StaffRole } from '@mashang/shared';
import type { TestApp } from '../app';
import { insertStaff } from '../../../bff/src/staff/service';

export const TEST_PASSWORD = 'Passw0rd-test';

export interface TestStaff {
  id: string;
  username: string;
  password: string;
  token: string;
}

let seq = 0;

/** A staff account written straight to the database, then signed in through the real login route. */
export async function buildStaff(t: TestApp, overrides: { roles?: StaffRole[]; unit?: string; username?: string; name?: string } = {}): Promise<TestStaff> {
  seq += 1;
  const roles = overrides.roles ?? ['admin'];
  const username = overrides.username ?? `${roles[0]}_${seq}_${Date.now().toString(36)}`;
  const doc = await insertStaff(t.deps, { username, password: TEST_PASSWORD, name: overrides.name ?? `测试${roles[0]}`, roles, ...(overrides.unit ? { unit: overrides.unit } : {}) });
  const token = await loginStaff(t, username, TEST_PASSWORD);
  return { id: doc._id, username: doc.username, password: TEST_PASSWORD, token };
}

export async function loginStaff(t: TestApp, username: string, password: string): Promise<string> {
  const res = await t.http.post('/api/admin/v1/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/** A citizen signed in through dev-login mode (`dev_<code>`). */
export async function buildCitizen(t: TestApp, code = `c${++seq}`): Promise<{ id: string; token: string }> {
  const res = await t.http.post('/api/v1/auth/wechat').send({ code });
  if (res.status !== 200) throw new Error(`citizen login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.citizen.id as string, token: res.body.token as string };
}
