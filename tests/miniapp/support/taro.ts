/**
 * A small manual mock of `@tarojs/taro` at the module boundary (jest moduleNameMapper): storage
 * in memory, navigation recorded, and `request`/`uploadFile` answered by a fake BFF whose routes
 * each test declares. Only what the mini-program calls is here.
 */
import { useEffect } from 'react';

export interface FakeRequest {
  method: string;
  url: string;
  path: string;
  query: Record<string, string>;
  data: unknown;
  header: Record<string, string>;
}
export interface FakeResponse {
  statusCode: number;
  data?: unknown;
}
type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;

const storage = new Map<string, unknown>();
const routes = new Map<string, Handler>();
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

export const fake = {
  requests: [] as FakeRequest[],
  navigations: [] as Array<{ kind: string; url: string }>,
  toasts: [] as string[],
  params: {} as Record<string, string>,
  /** Answer for the next showModal (confirm or cancel). */
  modalConfirm: true,
  storage,
  /** Declares the fake BFF's answer for `METHOD /path` (query string ignored). */
  on(route: string, handler: Handler) {
    routes.set(route, handler);
  },
  reset() {
    storage.clear();
    routes.clear();
    listeners.clear();
    fake.requests = [];
    fake.navigations = [];
    fake.toasts = [];
    fake.params = {};
    fake.modalConfirm = true;
    fake.on('POST /api/v1/auth/wechat', () => ({ statusCode: 200, data: { token: 'token-1', citizen: { id: 'c1' } } }));
  },
};

function parse(url: string): { path: string; query: Record<string, string> } {
  const u = new URL(url, 'http://localhost');
  return { path: u.pathname, query: Object.fromEntries(u.searchParams.entries()) };
}

async function request(opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
  const { path, query } = parse(opts.url);
  const req: FakeRequest = { method: opts.method ?? 'GET', url: opts.url, path, query, data: opts.data, header: opts.header ?? {} };
  fake.requests.push(req);
  const handler = routes.get(`${req.method} ${path}`);
  if (!handler) return { statusCode: 404, data: { error: { code: 'ROUTE_NOT_FOUND', message: 'no route' } } };
  const res = await handler(req);
  if (res.statusCode === 0) throw { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' };
  return { statusCode: res.statusCode, data: res.data, header: {} };
}

function uploadFile(opts: { url: string; formData?: Record<string, string> }) {
  const progress: Array<(p: { progress: number }) => void> = [];
  const run = request({ url: opts.url, method: 'UPLOAD', data: opts.formData }).then((r) => {
    progress.forEach((cb) => cb({ progress: 100 }));
    return r;
  });
  return Object.assign(run, {
    progress: (cb: (p: { progress: number }) => void) => progress.push(cb),
    onProgressUpdate: (cb: (p: { progress: number }) => void) => progress.push(cb),
    abort: () => undefined,
  });
}

const eventCenter = {
  on(name: string, cb: (...args: unknown[]) => void) {
    if (!listeners.has(name)) listeners.set(name, new Set());
    listeners.get(name)?.add(cb);
  },
  off(name: string, cb: (...args: unknown[]) => void) {
    listeners.get(name)?.delete(cb);
  },
  trigger(name: string, ...args: unknown[]) {
    listeners.get(name)?.forEach((cb) => cb(...args));
  },
};

const navigate = (kind: string) => (o: { url: string }) => {
  fake.navigations.push({ kind, url: o.url });
  return Promise.resolve();
};

function createInnerAudioContext() {
  return { src: '', play: () => undefined, stop: () => undefined, destroy: () => undefined, onEnded: () => undefined, onStop: () => undefined, onError: () => undefined };
}

const Taro = {
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  request,
  uploadFile,
  eventCenter,
  navigateTo: navigate('navigateTo'),
  redirectTo: navigate('redirectTo'),
  reLaunch: navigate('reLaunch'),
  showToast: (o: { title: string }) => {
    fake.toasts.push(o.title);
    return Promise.resolve();
  },
  showModal: (o: { content?: string }) => {
    fake.toasts.push(o.content ?? '');
    return Promise.resolve({ confirm: fake.modalConfirm, cancel: !fake.modalConfirm });
  },
  getNetworkType: () => Promise.resolve({ networkType: 'wifi' }),
  onNetworkStatusChange: () => undefined,
  offNetworkStatusChange: () => undefined,
  stopPullDownRefresh: () => undefined,
  previewImage: () => Promise.resolve(),
  createInnerAudioContext,
  requestSubscribeMessage: () => Promise.resolve({}),
};

export default Taro;

export const useRouter = () => ({ params: fake.params, path: '' });
export const useDidShow = (cb: () => void) => useEffect(cb, []);
export const useLoad = (cb: () => void) => useEffect(cb, []);
export const usePullDownRefresh = (_cb: () => void) => undefined;
export const useReachBottom = (_cb: () => void) => undefined;

fake.reset();
