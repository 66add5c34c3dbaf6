/** Citizen sign-in through WeChat (or dev-login mode), creating the citizen on first visit. */
import type { Config } from '../config/config';
import { recordAudit } from '../audit/service';
import { AppError, badRequest } from '../http/errors';
import type { TokenService } from './tokens';
import { startCitizenSession, type CitizenSessionDeps, type TokenPair } from './citizen-session';
import { devWechatLogin, LOGIN_CODE_PATTERN, type WechatLogin, type WechatSession } from './wechat-login';
import { findOrCreateCitizen, type CitizenDeps } from '../citizens/service';
import type { CitizenDoc } from '../citizens/model';

export interface CitizenLoginDeps extends CitizenDeps, Omit<CitizenSessionDeps, 'config'> {
  config: Pick<Config, 'devLogin' | 'CITIZEN_REFRESH_TTL_DAYS'>;
  wechatLogin?: WechatLogin;
}

async function session(deps: CitizenLoginDeps, code: string): Promise<WechatSession> {
  if (deps.config.devLogin) {
    if (!LOGIN_CODE_PATTERN.test(code)) throw badRequest('INVALID_CODE', '开发登录模式下，登录码须为 1–64 位字母、数字、下划线或连字符');
    return devWechatLogin.code2Session(code);
  }
  if (!deps.wechatLogin) throw new AppError(503, 'WECHAT_UNAVAILABLE', '微信登录暂不可用：服务端未配置微信登录客户端，请稍后再试');
  return deps.wechatLogin.code2Session(code);
}

/** Signs the citizen in with a new session (access and refresh token); audited. */
export async function loginCitizen(deps: CitizenLoginDeps, tokens: TokenService, code: string): Promise<TokenPair & { citizen: CitizenDoc }> {
  const { openid, unionid } = await session(deps, code);
  const citizen = await findOrCreateCitizen(deps, openid, unionid);
  const tokenPair = await startCitizenSession(deps, tokens, citizen._id);
  await recordAudit(deps.db, { actor: { kind: 'citizen', id: citizen._id }, action: 'citizen.login', target: { type: 'citizen', id: citizen._id }, at: deps.clock.now() });
  return { ...tokenPair, citizen };
}
