/**
 * Who the fuzzer speaks as: two citizens and one account per staff role (created through the
 * admin API), plus tokens that must all be refused: none, garbage, forged with another
 * secret, expired, `alg: none`, and the other audience's token.
 */
import jwt from 'jsonwebtoken';
import { STAFF_ROLES, type StaffRole } from '@mashang/shared';
import { TEST_JWT_SECRET, type TestApp } from '../support/app';
import { buildCitizen, buildStaff, loginStaff, TEST_PASSWORD } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';

export type PrincipalName = 'citizen' | 'citizen2' | StaffRole;

export interface Principals {
  tokens: Record<PrincipalName, string>;
  ids: Record<PrincipalName, string>;
  /** The handler's unit. */
  unitId: string;
  /** Tokens no route may accept. */
  invalid: Record<'garbage' | 'forged' | 'expired' | 'algNone' | 'staffForgedRole', string>;
}

async function createStaffThroughApi(t: TestApp, adminToken: string, role: StaffRole, unitId: string): Promise<{ id: string; token: string }> {
  const username = `fuzz_${role}_${Date.now().toString(36)}`;
  const body = { username, password: TEST_PASSWORD, name: `模糊测试${role}`, roles: [role], ...(role === 'handler' ? { unit: unitId } : {}) };
  const res = await t.http.post('/api/admin/v1/staff').set('Authorization', `Bearer ${adminToken}`).send(body);
  if (res.status !== 201) throw new Error(`staff ${role}: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.staff.id as string, token: await loginStaff(t, username, TEST_PASSWORD) };
}

function invalidTokens(citizenId: string): Principals['invalid'] {
  const claims = { iss: 'mashang', aud: 'mashang-staff', sub: citizenId, kind: 'staff', roles: ['admin'] };
  const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
  return {
    garbage: 'not.a.jwt',
    forged: jwt.sign(claims, 'another-secret-another-secret-0123456789', { algorithm: 'HS256', expiresIn: '1h' }),
    expired: jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 3600 }, TEST_JWT_SECRET, { algorithm: 'HS256' }),
    algNone: `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`,
    // Right secret and audience, but an account id that does not exist.
    staffForgedRole: jwt.sign({ ...claims, sv: 0 }, TEST_JWT_SECRET, { algorithm: 'HS256', expiresIn: '1h' }),
  };
}

export async function createPrincipals(t: TestApp): Promise<Principals> {
  const admin = await buildStaff(t, { roles: ['admin'] });
  const unit = await buildUnit(t, admin.token, { name: '模糊测试单位' });
  const citizen = await buildCitizen(t, 'fuzzcitizen1');
  const citizen2 = await buildCitizen(t, 'fuzzcitizen2');
  const tokens = { citizen: citizen.token, citizen2: citizen2.token, admin: admin.token } as Record<PrincipalName, string>;
  const ids = { citizen: citizen.id, citizen2: citizen2.id, admin: admin.id } as Record<PrincipalName, string>;
  for (const role of STAFF_ROLES.filter((r) => r !== 'admin')) {
    const s = await createStaffThroughApi(t, admin.token, role, unit.id);
    tokens[role] = s.token;
    ids[role] = s.id;
  }
  return { tokens, ids, unitId: unit.id, invalid: invalidTokens(citizen.id) };
}
