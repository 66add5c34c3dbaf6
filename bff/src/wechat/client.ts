/**
 * The WeChat mini-program server API client. Every call goes to `WECHAT_API_BASE` (tests
 * point it at a fake speaking the documented shapes). Calls that need the access token take
 * it from the shared TokenStore and, when WeChat says it is invalid (40001), replace it once
 * and retry.
 */
import type { Connection } from 'mongoose';
import type { WechatLogin, WechatSession } from '../auth/wechat-login';
import type { Clock } from '../lib/clock';
import { TOKEN_INVALID_CODES, wechatUnavailable } from './errors';
import { callWechat, expectJson, type JsonBody, type WechatHttpOptions, type WechatReply, type WechatRequest } from './http';
import { TokenStore } from './token-store';

export interface WechatClientOptions {
  appid: string;
  secret: string;
  baseUrl: string;
  db: Connection;
  clock: Clock;
  miniprogramState?: 'formal' | 'trial' | 'developer';
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
}

/** msg_sec_check v2 `result`: WeChat's own verdict and label. */
export interface SecCheckResult {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
  traceId?: string;
}

export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
}

export interface PhoneInfo {
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export class WechatClient implements WechatLogin {
  readonly appid: string;
  private readonly http: WechatHttpOptions;
  private readonly tokens: TokenStore;

  constructor(private readonly opts: WechatClientOptions) {
    this.appid = opts.appid;
    this.http = { baseUrl: opts.baseUrl, timeoutMs: opts.timeoutMs ?? 5000, retryDelaysMs: opts.retryDelaysMs ?? [200, 1000] };
    this.tokens = new TokenStore({ db: opts.db, clock: opts.clock, appid: opts.appid, fetchToken: (force) => this.fetchStableToken(force) });
  }

  /** jscode2session: the mini-program's one-time login code → openid (session_key stays here, unused). */
  async code2Session(code: string): Promise<WechatSession> {
    const query = { appid: this.opts.appid, secret: this.opts.secret, js_code: code, grant_type: 'authorization_code' };
    const body = expectJson(await callWechat(this.http, { method: 'GET', path: '/sns/jscode2session', query }));
    const openid = str(body.openid);
    if (!openid) throw wechatUnavailable('缺少 openid');
    const unionid = str(body.unionid);
    return unionid ? { openid, unionid } : { openid };
  }

  /** msg_sec_check v2 for one user's text; scene 1 资料 · 2 评论 · 3 论坛 · 4 社交日志. */
  async msgSecCheck(openid: string, content: string, scene: 1 | 2 | 3 | 4 = 3): Promise<SecCheckResult> {
    const body = await this.withToken({ method: 'POST', path: '/wxa/msg_sec_check', json: { content, version: 2, scene, openid } });
    const result = (body.result ?? {}) as { suggest?: unknown; label?: unknown };
    const suggest = result.suggest === 'risky' || result.suggest === 'review' || result.suggest === 'pass' ? result.suggest : undefined;
    if (!suggest) throw wechatUnavailable('内容安全应答缺少结论');
    return { suggest, label: typeof result.label === 'number' ? result.label : 0, traceId: str(body.trace_id) };
  }

  /** subscribeMessage.send; a 43101 (not subscribed) comes back as WechatError with that errcode. */
  async sendSubscribeMessage(msg: SubscribeMessage): Promise<void> {
    await this.withToken({
      method: 'POST',
      path: '/cgi-bin/message/subscribe/send',
      json: { touser: msg.touser, template_id: msg.templateId, page: msg.page, data: msg.data, miniprogram_state: this.opts.miniprogramState ?? 'formal', lang: 'zh_CN' },
    });
  }

  /** getwxacodeunlimit: the image of a mini-program code opening `page` with `scene` (≤ 32 chars). */
  async getUnlimitedQrCode(scene: string, page: string): Promise<{ image: Buffer; contentType: string }> {
    const reply = await this.withTokenReply({
      method: 'POST',
      path: '/wxa/getwxacodeunlimit',
      json: { scene, page, check_path: false, env_version: this.envVersion(), width: 430 },
    });
    if (reply.kind !== 'binary') throw wechatUnavailable('未返回图片');
    return { image: reply.body, contentType: reply.contentType };
  }

  /** getuserphonenumber: the phone behind a `getPhoneNumber` button's one-time code. */
  async getPhoneNumber(code: string): Promise<PhoneInfo> {
    const body = await this.withToken({ method: 'POST', path: '/wxa/business/getuserphonenumber', json: { code } });
    const info = (body.phone_info ?? {}) as Record<string, unknown>;
    const pure = str(info.purePhoneNumber);
    if (!pure) throw wechatUnavailable('缺少手机号');
    return { phoneNumber: str(info.phoneNumber) ?? pure, purePhoneNumber: pure, countryCode: String(info.countryCode ?? '86') };
  }

  private envVersion(): 'release' | 'trial' | 'develop' {
    const state = this.opts.miniprogramState ?? 'formal';
    return state === 'formal' ? 'release' : state === 'trial' ? 'trial' : 'develop';
  }

  private async fetchStableToken(force: boolean): Promise<{ token: string; expiresInSec: number }> {
    const json = { grant_type: 'client_credential', appid: this.opts.appid, secret: this.opts.secret, force_refresh: force };
    const body = expectJson(await callWechat(this.http, { method: 'POST', path: '/cgi-bin/stable_token', json }));
    const token = str(body.access_token);
    if (!token) throw wechatUnavailable('缺少 access_token');
    return { token, expiresInSec: typeof body.expires_in === 'number' ? body.expires_in : 7200 };
  }

  private async withToken(req: WechatRequest): Promise<JsonBody> {
    return expectJson(await this.withTokenReply(req));
  }

  /** Adds the shared access token; on "token invalid" replaces it (once) and tries again. */
  private async withTokenReply(req: WechatRequest): Promise<WechatReply> {
    let token = await this.tokens.get();
    for (let attempt = 0; ; attempt++) {
      const reply = await callWechat(this.http, { ...req, query: { ...req.query, access_token: token } });
      const errcode = reply.kind === 'json' ? reply.body.errcode : undefined;
      if (typeof errcode !== 'number' || !TOKEN_INVALID_CODES.has(errcode) || attempt > 0) return reply;
      token = await this.tokens.replace(token);
    }
  }
}

