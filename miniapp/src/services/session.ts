import { loginCode } from '../platform/login';
import { readStored, removeStored, STORAGE_KEYS, writeStored } from './storage';

export interface Citizen {
  id: string;
  name?: string;
  phone?: string;
}

interface LoginResponse {
  token: string;
  citizen: Citizen;
}

/** Sends the login request; injected by request.ts so this module needs no HTTP of its own. */
export type LoginSender = (code: string) => Promise<LoginResponse>;

let inflight: Promise<string> | undefined;

export function currentToken(): string | undefined {
  return readStored<string>(STORAGE_KEYS.token);
}

export function clearToken(): void {
  removeStored(STORAGE_KEYS.token);
}

/** Logs in once even when several requests find themselves without a token at the same time. */
export function login(send: LoginSender): Promise<string> {
  inflight ??= (async () => {
    try {
      const { token } = await send(await loginCode());
      writeStored(STORAGE_KEYS.token, token);
      return token;
    } finally {
      inflight = undefined;
    }
  })();
  return inflight;
}
