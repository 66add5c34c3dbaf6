import { loginCode } from '../platform/login';
import { ApiError } from './errors';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from './storage';

export interface Citizen {
  id: string;
  name?: string;
  phone?: string;
}

/** What login and refresh answer: a short-lived access token and a single-use refresh token. */
export interface TokenPair {
  token: string;
  refreshToken?: string;
}

/** The HTTP calls of the session; injected by request.ts so this module needs no HTTP of its own. */
export type LoginSender = (code: string) => Promise<TokenPair & { citizen: Citizen }>;
export type RefreshSender = (refreshToken: string) => Promise<TokenPair>;
export type LogoutSender = (refreshToken: string) => Promise<void>;

/** One login or refresh at a time: a refresh token works once, so it must never be sent twice. */
let inflight: Promise<string> | undefined;

export function currentToken(): string | undefined {
  return readStored<string>(STORAGE_KEYS.token);
}

export function clearSession(): void {
  removeStored(STORAGE_KEYS.token);
  removeStored(STORAGE_KEYS.refreshToken);
}

function keep(pair: TokenPair): string {
  writeStored(STORAGE_KEYS.token, pair.token);
  if (pair.refreshToken) writeStored(STORAGE_KEYS.refreshToken, pair.refreshToken);
  else removeStored(STORAGE_KEYS.refreshToken);
  return pair.token;
}

function once(run: () => Promise<string>): Promise<string> {
  inflight ??= run().finally(() => {
    inflight = undefined;
  });
  return inflight;
}

async function freshLogin(send: LoginSender): Promise<string> {
  clearSession();
  return keep(await send(await loginCode()));
}

/** Logs in once even when several requests find themselves without a token at the same time. */
export function login(send: LoginSender): Promise<string> {
  return once(() => freshLogin(send));
}

/**
 * After a 401: a new pair from the refresh token; when there is none or the BFF refuses it
 * (expired, revoked, reused), a new login. No answer at all keeps the session for a later try.
 */
export function renew(sendRefresh: RefreshSender, sendLogin: LoginSender): Promise<string> {
  return once(async () => {
    const refreshToken = readStored<string>(STORAGE_KEYS.refreshToken);
    if (refreshToken) {
      try {
        return keep(await sendRefresh(refreshToken));
      } catch (e) {
        if (!(e instanceof ApiError) || e.offline || e.status >= 500) throw e;
      }
    }
    return freshLogin(sendLogin);
  });
}

/** Ends the session on the BFF (its refresh tokens stop working), then forgets it here. */
export async function logout(send: LogoutSender): Promise<void> {
  await inflight?.catch(() => undefined);
  const refreshToken = readStored<string>(STORAGE_KEYS.refreshToken);
  if (refreshToken) await send(refreshToken);
  clearSession();
}
