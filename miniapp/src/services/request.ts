import Taro from '@tarojs/taro';
import { ApiError, errorFromResponse, networkError } from './errors';
import { currentToken, login, logout, renew, type LoginSender, type RefreshSender } from './session';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  method?: Method;
  path: string;
  query?: Query;
  data?: unknown;
  /** false for the login call itself and public reads. */
  auth?: boolean;
  headers?: Record<string, string>;
}

/** Empty on h5: the BFF serves the h5 build, so the API is on the same origin. */
export const API_BASE: string = process.env.TARO_APP_API_BASE ?? '';

export function apiUrl(path: string, query?: Query): string {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined && v !== '');
  const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
  const absolute = /^https?:\/\//.test(path) ? path : `${API_BASE}${path}`;
  return qs ? `${absolute}${absolute.includes('?') ? '&' : '?'}${qs}` : absolute;
}

interface RawResponse {
  statusCode: number;
  data: unknown;
}

async function send(opts: RequestOptions, token: string | undefined): Promise<RawResponse> {
  const header: Record<string, string> = { 'Content-Type': 'application/json', ...opts.headers };
  if (token) header.Authorization = `Bearer ${token}`;
  try {
    const res = await Taro.request({
      url: apiUrl(opts.path, opts.query),
      method: opts.method ?? 'GET',
      data: opts.data as Record<string, unknown> | undefined,
      header,
      timeout: 20000,
      dataType: 'json',
    });
    return { statusCode: res.statusCode, data: res.data };
  } catch (e) {
    throw networkError((e as { errMsg?: string } | undefined)?.errMsg);
  }
}

async function post<T>(path: string, data: unknown): Promise<T> {
  const res = await send({ method: 'POST', path, data }, undefined);
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFromResponse(res.statusCode, res.data);
  return res.data as T;
}

const sendLogin: LoginSender = (code) => post('/api/v1/auth/wechat', { code });
const sendRefresh: RefreshSender = (refreshToken) => post('/api/v1/auth/refresh', { refreshToken });

/**
 * The one door to the BFF: adds the bearer token (logging in first when there is none), and
 * when the token is refused (401) renews the session — refresh token, else a silent login —
 * and tries exactly once more.
 */
export async function request<T>(opts: RequestOptions): Promise<T> {
  const auth = opts.auth !== false;
  let token = auth ? (currentToken() ?? (await login(sendLogin))) : undefined;
  let res = await send(opts, token);
  if (auth && res.statusCode === 401) {
    // Another request may have renewed the session meanwhile: then its token is the one to use.
    const stored = currentToken();
    token = stored && stored !== token ? stored : await renew(sendRefresh, sendLogin);
    res = await send(opts, token);
  }
  if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T;
  throw errorFromResponse(res.statusCode, res.data);
}

/** Logout: the BFF revokes this device's session; the next request logs in afresh. */
export function logoutCitizen(): Promise<void> {
  return logout((refreshToken) => post('/api/v1/auth/logout', { refreshToken }));
}

export { ApiError };
