/** An error answer of the API ({"error":{"code","message","details"}}), or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

/** Plain Chinese for the statuses whose server message is not meant for the person at the desk. */
const STATUS_HINTS: Record<number, string> = {
  409: '工单状态已变化（可能有人刚处理过），请刷新后再操作。',
  412: '工单已被他人更新，您看到的不是最新版本。请刷新后再提交。',
  429: '操作太频繁，请稍后再试。',
};

const KEPT = '您填写的内容已保留。';

function retryAfter(details: unknown, response: Response): number | undefined {
  const fromBody = (details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
  const header = Number(response.headers.get('Retry-After'));
  return fromBody ?? (Number.isFinite(header) && header > 0 ? header : undefined);
}

export function toApiError(body: unknown, response: Response): ApiError {
  const e = (body as ErrorBody | undefined)?.error ?? {};
  const status = response.status;
  // 412: the server's words are about "data"; say what it means for the ticket on screen.
  const said = status === 412 ? STATUS_HINTS[412] : (e.message ?? STATUS_HINTS[status] ?? `请求失败（${status}）`);
  const message = status === 409 || status === 412 ? `${said.replace(/[。.]?$/, '。')}${KEPT}` : said;
  return new ApiError(status, e.code ?? `HTTP_${status}`, message, e.details, retryAfter(e.details, response));
}

/** Field messages of a 400 VALIDATION_FAILED answer, by body path (a WEAK_PASSWORD is the password's). */
export function fieldErrors(err: ApiError): Record<string, string> {
  if (err.code === 'WEAK_PASSWORD') return { password: err.message };
  if (err.code !== 'VALIDATION_FAILED' || !Array.isArray(err.details)) return {};
  const out: Record<string, string> = {};
  for (const d of err.details as Array<{ path?: string; message?: string }>) if (d.path && d.message) out[d.path] ??= d.message;
  return out;
}

export function messageOf(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return '网络异常，请检查网络后重试';
}
