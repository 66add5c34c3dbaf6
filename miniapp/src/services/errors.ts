/** Short, plain messages for an elderly citizen; keyed by the BFF's error codes (ARCHITECTURE.md). */
const CODE_MESSAGES: Record<string, string> = {
  NETWORK: '网络不通，请检查网络后再试',
  TIMEOUT: '网络太慢，请稍后再试',
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  MALFORMED_JSON: '提交的内容有误，请重试',
  UNAUTHORIZED: '登录已失效，请重新打开小程序',
  TOKEN_EXPIRED: '登录已失效，请重新打开小程序',
  FORBIDDEN: '您没有权限进行这个操作',
  NOT_FOUND: '没有找到这条记录',
  TICKET_NOT_FOUND: '没有找到这条诉求',
  SCENE_NOT_FOUND: '这个码牌已失效，您可以直接提交诉求',
  INVALID_TRANSITION: '当前状态不能进行这个操作，请刷新后再看',
  CONFLICT: '内容刚刚有变化，请刷新后再试',
  VERSION_MISMATCH: '内容刚刚有变化，请刷新后再试',
  PRECONDITION_FAILED: '内容刚刚有变化，请刷新后再试',
  PAYLOAD_TOO_LARGE: '文件太大了，请换一个小一点的',
  FILE_TOO_LARGE: '文件太大了，请换一个小一点的',
  UNSUPPORTED_MEDIA_TYPE: '不支持这种文件格式',
  MEDIA_TYPE_MISMATCH: '文件格式不对，请重新选择',
  UPLOAD_NOT_FOUND: '有文件没有上传成功，请重新添加',
  MEDIA_TYPE_NOT_ALLOWED: '不支持这种文件格式',
  MEDIA_TOO_LARGE: '文件太大了，请换一个小一点的',
  MEDIA_TOO_LONG: '录音或视频太长了',
  MEDIA_NOT_FOUND: '文件找不到了',
  ALREADY_RATED: '这一轮已经评价过了',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  TOO_MANY_REQUESTS: '操作太频繁，请稍后再试',
  CONTENT_RISKY: '内容含有不适宜的文字，请修改后再提交',
};

const STATUS_MESSAGES: Record<number, string> = {
  400: '填写的内容有误，请检查后再提交',
  401: '登录已失效，请重新打开小程序',
  403: '您没有权限进行这个操作',
  404: '没有找到相关内容',
  409: '当前状态不能进行这个操作，请刷新后再看',
  412: '内容刚刚有变化，请刷新后再试',
  413: '文件太大了，请换一个小一点的',
  429: '操作太频繁，请稍后再试',
};

const HAS_CHINESE = /[\u4e00-\u9fa5]/;

/** An API failure the UI can show as is: `message` is already a short Chinese sentence. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** No answer from the server at all: show the offline state rather than an error. */
  get offline(): boolean {
    return this.status === 0;
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

/** Business rules (422) come with the BFF's own Chinese wording, which is more precise than ours. */
function pickMessage(status: number, code: string, serverMessage: string | undefined): string {
  if (status === 422 && serverMessage && HAS_CHINESE.test(serverMessage)) return serverMessage;
  if (CODE_MESSAGES[code]) return CODE_MESSAGES[code];
  if (serverMessage && HAS_CHINESE.test(serverMessage) && serverMessage.length <= 40) return serverMessage;
  if (STATUS_MESSAGES[status]) return STATUS_MESSAGES[status];
  return status >= 500 ? '服务暂时不可用，请稍后再试' : '出了点问题，请稍后再试';
}

export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (body as ErrorBody | undefined)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${status}`;
  const serverMessage = typeof err?.message === 'string' ? err.message : undefined;
  return new ApiError(status, code, pickMessage(status, code, serverMessage), err?.details);
}

export function networkError(errMsg: string | undefined): ApiError {
  const code = errMsg && /timeout/i.test(errMsg) ? 'TIMEOUT' : 'NETWORK';
  return new ApiError(0, code, CODE_MESSAGES[code]);
}

/** What to show for anything thrown: our ApiError as is, anything else as a generic sentence. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '出了点问题，请稍后再试';
}
