/**
 * The port citizen login needs from WeChat: `jscode2session` exchanges the mini-program's
 * one-time `code` for the user's openid. The WeChat client (bff/src/wechat) implements it and
 * is passed in as `AppDeps.wechatLogin`; tests pass a client pointed at a fake WeChat server.
 *
 * Contract for implementations: a code WeChat rejects (errcode 40029, 40163, 45011…) throws an
 * AppError 4xx (e.g. 401 WECHAT_CODE_INVALID, 429 for 45011); WeChat unreachable or answering
 * garbage throws AppError 503 WECHAT_UNAVAILABLE. The session_key never leaves the client.
 */
export interface WechatSession {
  openid: string;
  unionid?: string;
}

export interface WechatLogin {
  code2Session(code: string): Promise<WechatSession>;
}

/** What a login code may look like; WeChat's codes fit, and dev mode builds openids from it. */
export const LOGIN_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Dev-login mode (no WECHAT_APPID, not production): the code *is* the identity, so anyone can
 * log in as anyone. That is the point for local work and the h5 build, and why production
 * refuses it (config.devLogin is false there).
 */
export const devWechatLogin: WechatLogin = {
  async code2Session(code) {
    return { openid: `dev_${code}` };
  },
};
