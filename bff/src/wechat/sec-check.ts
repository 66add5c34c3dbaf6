/** Text safety for what citizens submit (msg_sec_check v2). A request is never lost to a failed check. */
import type { AppDeps } from '../app';
import { unprocessable, type AppError } from '../http/errors';

export type TextVerdict =
  /** Checked and fine, or not checkable because WeChat is not configured (dev). */
  | { verdict: 'pass'; checked: boolean; traceId?: string }
  /** WeChat judged it risky: the ticket service answers 422 CONTENT_RISKY. */
  | { verdict: 'risky'; checked: true; label: number; traceId?: string }
  /** WeChat asked for human review, or could not be asked: accept and flag `needsReview`. */
  | { verdict: 'review'; checked: boolean; label?: number; traceId?: string };

export async function checkText(deps: Pick<AppDeps, 'wechat' | 'logger'>, openid: string, content: string): Promise<TextVerdict> {
  if (!deps.wechat) return { verdict: 'pass', checked: false };
  try {
    const r = await deps.wechat.msgSecCheck(openid, content);
    if (r.suggest === 'risky') return { verdict: 'risky', checked: true, label: r.label, traceId: r.traceId };
    if (r.suggest === 'review') return { verdict: 'review', checked: true, label: r.label, traceId: r.traceId };
    return { verdict: 'pass', checked: true, traceId: r.traceId };
  } catch (err) {
    deps.logger.warn({ err }, 'msg_sec_check failed; accepting the text for manual review');
    return { verdict: 'review', checked: false };
  }
}

/** The polite refusal for a risky text (422 CONTENT_RISKY). */
export function contentRiskyError(): AppError {
  return unprocessable('CONTENT_RISKY', '您提交的内容可能包含不适宜的信息，请修改后再提交。如情况紧急，请直接拨打 12345 政务服务便民热线。');
}
