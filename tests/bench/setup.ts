/**
 * The people and organisation a bench run needs, created through the public API of the
 * production-mode BFF: the bootstrap administrator, handling units, an operator and a
 * dispatcher, and citizens signed in through WeChat (the loopback fake's jscode2session).
 */
import { api, must } from './api';
import type { BenchEnv } from './environment';

export interface BenchActors {
  adminToken: string;
  operatorToken: string;
  dispatcherToken: string;
  units: string[];
  citizens: Array<{ id: string; token: string }>;
}

/** Citizen logins are limited per client address (120 a minute); real citizens come from many. */
const LOGINS_PER_ADDRESS = 100;

async function staff(baseUrl: string, adminToken: string, role: 'operator' | 'dispatcher'): Promise<string> {
  const username = `bench_${role}`;
  const password = 'Bench-password-1';
  await must(201, baseUrl, 'POST', '/api/admin/v1/staff', { token: adminToken, body: { username, password, name: `压测${role}`, roles: [role] } });
  const login = await must(200, baseUrl, 'POST', '/api/admin/v1/auth/login', { body: { username, password } });
  return login.token as string;
}

async function citizen(baseUrl: string, i: number): Promise<{ id: string; token: string }> {
  const address = `10.77.${Math.floor(i / LOGINS_PER_ADDRESS) % 250}.1`;
  const r = await api(baseUrl, 'POST', '/api/v1/auth/wechat', { body: { code: `bench${i}` }, headers: { 'x-forwarded-for': address } });
  if (r.status !== 200) throw new Error(`citizen login ${i}: ${r.status} ${JSON.stringify(r.body)}`);
  return { id: (r.body.citizen as { id: string }).id, token: r.body.token as string };
}

export async function createActors(env: BenchEnv, citizens: number): Promise<BenchActors> {
  const baseUrl = env.bff.baseUrl;
  const adminToken = (await must(200, baseUrl, 'POST', '/api/admin/v1/auth/login', { body: env.admin })).token as string;
  const units: string[] = [];
  for (const name of ['城管局', '住建局', '市场监管局', '生态环境局', '供水公司', '供电公司']) {
    const body = await must(201, baseUrl, 'POST', '/api/admin/v1/units', { token: adminToken, body: { name, level: 'city', kind: 'department' } });
    units.push((body.unit as { id: string }).id);
  }
  const list: BenchActors['citizens'] = [];
  for (let i = 0; i < citizens; i += 10) {
    list.push(...(await Promise.all(Array.from({ length: Math.min(10, citizens - i) }, (_, k) => citizen(baseUrl, i + k)))));
  }
  return { adminToken, operatorToken: await staff(baseUrl, adminToken, 'operator'), dispatcherToken: await staff(baseUrl, adminToken, 'dispatcher'), units, citizens: list };
}
