import { AppError } from '../http/errors';

/** errcodes that mean "this access_token is no good": refresh once and retry. */
export const TOKEN_INVALID_CODES: ReadonlySet<number> = new Set([40001, 40014, 42001]);
/** "System busy, try again later" (-1): retried a few times before giving up. */
export const BUSY = -1;
/** The user has not accepted (or has used up) the subscription for this template. */
export const NOT_SUBSCRIBED = 43101;

/**
 * A WeChat API failure as our AppError family, so a route that lets it escape answers a clear
 * 4xx/503; `errcode` is WeChat's own code (undefined when WeChat could not be reached).
 */
export class WechatError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly errcode?: number,
    readonly errmsg?: string,
  ) {
    super(status, code, message, errcode === undefined ? undefined : { errcode });
    this.name = 'WechatError';
  }
}

export const wechatUnavailable = (why: string) => new WechatError(503, 'WECHAT_UNAVAILABLE', `微信服务暂时不可用，请稍后再试（${why}）`);

/** Maps an errcode to the answer our API gives; unknown codes are a bad gateway. */
export function fromErrcode(errcode: number, errmsg: string): WechatError {
  switch (errcode) {
    case 40029:
    case 40163:
      return new WechatError(400, 'WECHAT_CODE_INVALID', '微信授权码无效或已使用，请重新操作', errcode, errmsg);
    case 45011:
      return new WechatError(429, 'WECHAT_RATE_LIMITED', '操作过于频繁，请稍后再试', errcode, errmsg);
    case BUSY:
      return new WechatError(503, 'WECHAT_UNAVAILABLE', '微信服务繁忙，请稍后再试', errcode, errmsg);
    case NOT_SUBSCRIBED:
      return new WechatError(422, 'WECHAT_NOT_SUBSCRIBED', '用户未订阅该消息', errcode, errmsg);
    default:
      return new WechatError(502, 'WECHAT_ERROR', `微信接口返回错误（${errcode}）`, errcode, errmsg);
  }
}
