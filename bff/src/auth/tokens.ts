import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { StaffRole } from '@mashang/shared';
import { unauthorized } from '../http/errors';

const ISSUER = 'mashang';
export const CITIZEN_AUDIENCE = 'mashang-citizen';
export const STAFF_AUDIENCE = 'mashang-staff';

export interface CitizenClaims {
  sub: string;
  kind: 'citizen';
}
export interface StaffClaims {
  sub: string;
  kind: 'staff';
  roles: StaffRole[];
  unit?: string;
  name?: string;
  /** Security stamp of the account when the token was issued; a changed stamp revokes the token. */
  sv?: number;
}

/** Decides whether a verified staff token still speaks for a current account (active, same stamp). */
export type StaffCheck = (claims: StaffClaims) => Promise<void>;

/** HS256 only, pinned on verify; citizens and staff get different audiences, so tokens never cross APIs. */
export class TokenService {
  private staffCheck?: StaffCheck;
  /** One key object: given the string, jsonwebtoken would build a key on every sign and verify. */
  private readonly secret: KeyObject;

  /**
   * Citizen access tokens are short (CITIZEN_TOKEN_TTL_MINUTES, 2 h by default) because they are
   * not checked against the database per request: revocation works through the refresh token.
   */
  constructor(
    secret: string,
    readonly citizenTtlSeconds = 2 * 3600,
  ) {
    this.secret = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  signCitizen(id: string): string {
    return jwt.sign({ kind: 'citizen' }, this.secret, { algorithm: 'HS256', subject: id, issuer: ISSUER, audience: CITIZEN_AUDIENCE, expiresIn: this.citizenTtlSeconds });
  }

  signStaff(claims: Omit<StaffClaims, 'kind'>): string {
    const { sub, ...rest } = claims;
    return jwt.sign({ kind: 'staff', ...rest }, this.secret, { algorithm: 'HS256', subject: sub, issuer: ISSUER, audience: STAFF_AUDIENCE, expiresIn: '12h' });
  }

  verifyCitizen(token: string): CitizenClaims {
    const c = this.verify(token, CITIZEN_AUDIENCE);
    if (c.kind !== 'citizen' || typeof c.sub !== 'string') throw unauthorized('登录凭证无效', 'INVALID_TOKEN');
    return { sub: c.sub, kind: 'citizen' };
  }

  verifyStaff(token: string): StaffClaims {
    const c = this.verify(token, STAFF_AUDIENCE);
    if (c.kind !== 'staff' || typeof c.sub !== 'string' || !Array.isArray(c.roles)) throw unauthorized('登录凭证无效', 'INVALID_TOKEN');
    return {
      sub: c.sub,
      kind: 'staff',
      roles: c.roles as StaffRole[],
      unit: c.unit as string | undefined,
      name: c.name as string | undefined,
      sv: typeof c.sv === 'number' ? c.sv : undefined,
    };
  }

  /** Installs the account check (the staff module does, with database access and a small cache). */
  useStaffCheck(check: StaffCheck): void {
    this.staffCheck = check;
  }

  /**
   * `verifyStaff` plus the account check: a token of a deactivated account, or one issued
   * before a password, role or unit change, stops working at once (401 TOKEN_REVOKED).
   */
  async verifyStaffCurrent(token: string): Promise<StaffClaims> {
    const claims = this.verifyStaff(token);
    if (this.staffCheck) await this.staffCheck(claims);
    return claims;
  }

  private verify(token: string, audience: string): jwt.JwtPayload {
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: ISSUER, audience });
      if (typeof payload === 'string') throw new Error('string payload');
      // jsonwebtoken accepts a token without `exp` as valid forever: ours always carry one.
      if (typeof payload.exp !== 'number') throw new Error('no exp');
      return payload;
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError) throw unauthorized('登录已过期，请重新登录', 'TOKEN_EXPIRED');
      throw unauthorized('登录凭证无效', 'INVALID_TOKEN');
    }
  }
}
