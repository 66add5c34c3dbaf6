/**
 * A loopback stand-in for api.weixin.qq.com with the documented request and response shapes
 * and error codes: jscode2session (40029, 45011), stable_token (force_refresh invalidates the
 * previous token), msg_sec_check v2, subscribeMessage.send (43101), getwxacodeunlimit (image
 * bytes, or a JSON error) and getuserphonenumber. Any path can be scripted to answer given
 * errcodes first (e.g. -1 busy, 40001 expired token) and every call is counted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import QRCode from 'qrcode';

export interface FakeWechat {
  baseUrl: string;
  appid: string;
  secret: string;
  /** Calls per path. */
  calls: Record<string, number>;
  /** Bodies of successful subscribeMessage.send calls. */
  sent: Array<Record<string, unknown>>;
  /** openids that have not subscribed (send answers 43101). */
  unsubscribed: Set<string>;
  /** The next answers of `path` are these errcodes, in order (then normal behaviour resumes). */
  script(path: string, ...errcodes: number[]): void;
  /** Invalidates the current access token, as if it expired at WeChat (callers then get 40001). */
  expireToken(): void;
  /** Makes every call fail at the HTTP level (WeChat unreachable) until set back to false. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40029: 'invalid code',
  40163: 'code been used',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  43101: 'user refuse to accept the msg',
  40003: 'invalid openid',
  47001: 'data format error',
};
const err = (errcode: number): Json => ({ errcode, errmsg: ERRMSG[errcode] ?? 'error' });

function readBody(req: http.IncomingMessage): Promise<Json> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json) : {});
      } catch {
        resolve({ __malformed: true });
      }
    });
  });
}

export async function startFakeWechat(options: { appid?: string; secret?: string } = {}): Promise<FakeWechat> {
  const appid = options.appid ?? 'wx-test-appid';
  const secret = options.secret ?? 'wx-test-secret';
  const calls: Record<string, number> = {};
  const scripts = new Map<string, number[]>();
  const sent: Json[] = [];
  const unsubscribed = new Set<string>();
  let tokenSeq = 0;
  let currentToken: string | undefined;
  let down = false;

  const issueToken = (force: boolean) => {
    if (force || !currentToken) currentToken = `ACCESS_TOKEN_${++tokenSeq}`;
    return { access_token: currentToken, expires_in: 7200 };
  };

  async function route(path: string, url: URL, body: Json): Promise<Json | { image: Buffer }> {
    const scripted = scripts.get(path)?.shift();
    if (scripted !== undefined) return err(scripted);
    if (path === '/sns/jscode2session') {
      if (url.searchParams.get('appid') !== appid || url.searchParams.get('secret') !== secret || url.searchParams.get('grant_type') !== 'authorization_code') return err(40013);
      const code = url.searchParams.get('js_code') ?? '';
      if (!code || code.startsWith('bad')) return err(40029);
      return { openid: `o_${code}`, session_key: 'c2Vzc2lvbmtleQ==', unionid: `u_${code}`, errcode: 0, errmsg: 'ok' };
    }
    if (path === '/cgi-bin/stable_token') {
      if (body.grant_type !== 'client_credential' || body.appid !== appid || body.secret !== secret) return err(40013);
      return issueToken(body.force_refresh === true);
    }
    if (url.searchParams.get('access_token') !== currentToken || !currentToken) return err(40001);
    if (path === '/wxa/msg_sec_check') {
      if (body.version !== 2 || typeof body.openid !== 'string' || ![1, 2, 3, 4].includes(Number(body.scene)) || typeof body.content !== 'string') return err(47001);
      const content = body.content;
      const suggest = content.includes('违禁') ? 'risky' : content.includes('待审') ? 'review' : 'pass';
      const label = suggest === 'pass' ? 100 : 20001;
      return { errcode: 0, errmsg: 'ok', result: { suggest, label }, detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }], trace_id: `trace-${Date.now()}` };
    }
    if (path === '/cgi-bin/message/subscribe/send') {
      if (typeof body.touser !== 'string' || typeof body.template_id !== 'string' || typeof body.data !== 'object') return err(47001);
      if (unsubscribed.has(body.touser)) return err(43101);
      sent.push(body);
      return { errcode: 0, errmsg: 'ok' };
    }
    if (path === '/wxa/getwxacodeunlimit') {
      if (typeof body.scene !== 'string' || body.scene.length > 32 || typeof body.page !== 'string') return { errcode: 40169, errmsg: 'invalid length for scene' };
      return { image: await QRCode.toBuffer(`wxacode:${body.page}?scene=${body.scene}`, { type: 'png' }) };
    }
    if (path === '/wxa/business/getuserphonenumber') {
      if (typeof body.code !== 'string' || body.code.startsWith('bad')) return err(40029);
      return { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86', watermark: { timestamp: 1700000000, appid } } };
    }
    return { errcode: 40066, errmsg: 'invalid url' };
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    calls[url.pathname] = (calls[url.pathname] ?? 0) + 1;
    if (down) {
      res.writeHead(502).end('bad gateway');
      return;
    }
    void readBody(req)
      .then((body) => route(url.pathname, url, body))
      .then((out) => {
        if ('image' in out && Buffer.isBuffer(out.image)) {
          res.writeHead(200, { 'Content-Type': 'image/png' }).end(out.image);
        } else {
          res.writeHead(200, { 'Content-Type': 'application/json; charset=UTF-8' }).end(JSON.stringify(out));
        }
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appid,
    secret,
    calls,
    sent,
    unsubscribed,
    script: (path, ...errcodes) => scripts.set(path, [...(scripts.get(path) ?? []), ...errcodes]),
    expireToken: () => {
      currentToken = undefined;
    },
    setDown: (d) => {
      down = d;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
