import { fake, type FakeRequest } from './support/taro';
import { logoutCitizen, request } from '../../miniapp/src/services/request';
import { readStored, STORAGE_KEYS, writeStored } from '../../miniapp/src/services/storage';

/** A fake BFF whose /me accepts only the access token it issued last. */
function bffWithSessions() {
  let valid = 'access-1';
  let logins = 0;
  let refreshes = 0;
  const stats = { logins: () => logins, refreshes: () => refreshes, expireAccess: () => (valid = 'nothing-valid') };
  fake.on('POST /api/v1/auth/wechat', () => {
    logins += 1;
    valid = `login-access-${logins}`;
    return { statusCode: 200, data: { token: valid, refreshToken: `login-refresh-${logins}`, expiresIn: 7200, citizen: { id: 'c1' } } };
  });
  fake.on('POST /api/v1/auth/refresh', (req) => {
    refreshes += 1;
    if ((req.data as { refreshToken: string }).refreshToken !== 'refresh-1') return { statusCode: 401, data: { error: { code: 'REFRESH_TOKEN_REUSED', message: 'x' } } };
    valid = 'access-2';
    return { statusCode: 200, data: { token: 'access-2', refreshToken: 'refresh-2', expiresIn: 7200 } };
  });
  fake.on('GET /api/v1/me', (req: FakeRequest) =>
    req.header.Authorization === `Bearer ${valid}` ? { statusCode: 200, data: { citizen: { id: 'c1' } } } : { statusCode: 401, data: { error: { code: 'TOKEN_EXPIRED', message: 'x' } } },
  );
  return stats;
}

const me = () => request<{ citizen: { id: string } }>({ path: '/api/v1/me' });
const authHeaders = (path: string) => fake.requests.filter((r) => r.path === path).map((r) => r.header.Authorization);

describe('mini-program session: refresh on 401, login when refresh fails, logout', () => {
  beforeEach(() => {
    fake.reset();
    writeStored(STORAGE_KEYS.token, 'access-1');
    writeStored(STORAGE_KEYS.refreshToken, 'refresh-1');
  });

  it('when the access token is refused, then the client refreshes once, keeps the new pair and retries with the new token', async () => {
    const bff = bffWithSessions();
    bff.expireAccess();
    await expect(me()).resolves.toEqual({ citizen: { id: 'c1' } });
    expect(bff.refreshes()).toBe(1);
    expect(bff.logins()).toBe(0);
    expect(authHeaders('/api/v1/me')).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(readStored(STORAGE_KEYS.token)).toBe('access-2');
    expect(readStored(STORAGE_KEYS.refreshToken)).toBe('refresh-2');
  });

  it('when the refresh token is refused, then the client logs in again and retries with the login token', async () => {
    const bff = bffWithSessions();
    writeStored(STORAGE_KEYS.refreshToken, 'refresh-old');
    bff.expireAccess();
    await expect(me()).resolves.toEqual({ citizen: { id: 'c1' } });
    expect(bff.logins()).toBe(1);
    expect(readStored(STORAGE_KEYS.token)).toBe('login-access-1');
    expect(readStored(STORAGE_KEYS.refreshToken)).toBe('login-refresh-1');
  });

  it('when several requests are refused at once, then the refresh token is sent only once and all of them succeed', async () => {
    const bff = bffWithSessions();
    bff.expireAccess();
    const all = await Promise.all([me(), me(), me(), me()]);
    expect(all).toHaveLength(4);
    expect(bff.refreshes()).toBe(1);
    expect(bff.logins()).toBe(0);
  });

  it('when the refresh gets no answer, then the error is the offline one and the refresh token is kept for a later try', async () => {
    const bff = bffWithSessions();
    bff.expireAccess();
    fake.on('POST /api/v1/auth/refresh', () => ({ statusCode: 0 }));
    await expect(me()).rejects.toMatchObject({ offline: true });
    expect(bff.logins()).toBe(0);
    expect(readStored(STORAGE_KEYS.refreshToken)).toBe('refresh-1');
  });

  it('when the retried request is refused too, then the error comes back instead of a loop', async () => {
    bffWithSessions();
    fake.on('GET /api/v1/me', () => ({ statusCode: 401, data: { error: { code: 'TOKEN_EXPIRED', message: 'x' } } }));
    await expect(me()).rejects.toMatchObject({ status: 401 });
    expect(authHeaders('/api/v1/me')).toHaveLength(2);
  });

  it('when the citizen logs out, then the refresh token goes to the BFF, the device forgets the session, and the next request logs in afresh', async () => {
    const bff = bffWithSessions();
    const sent: unknown[] = [];
    fake.on('POST /api/v1/auth/logout', (req) => {
      sent.push(req.data);
      return { statusCode: 204 };
    });
    await logoutCitizen();
    expect(sent).toEqual([{ refreshToken: 'refresh-1' }]);
    expect(readStored(STORAGE_KEYS.token)).toBeUndefined();
    expect(readStored(STORAGE_KEYS.refreshToken)).toBeUndefined();
    await me();
    expect(bff.logins()).toBe(1);
  });

  it('when the logout gets no answer, then it fails and the session stays, so it can be tried again', async () => {
    bffWithSessions();
    fake.on('POST /api/v1/auth/logout', () => ({ statusCode: 0 }));
    await expect(logoutCitizen()).rejects.toMatchObject({ offline: true });
    expect(readStored(STORAGE_KEYS.refreshToken)).toBe('refresh-1');
  });
});
