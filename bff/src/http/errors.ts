/** The one operational-error family. Services throw it; the error middleware renders it. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) => new AppError(400, code, message, details);
export const unauthorized = (message = '请先登录', code = 'UNAUTHORIZED') => new AppError(401, code, message);
export const forbidden = (message = '无权进行此操作', code = 'FORBIDDEN') => new AppError(403, code, message);
export const notFound = (what = '资源', code = 'NOT_FOUND') => new AppError(404, code, `${what}不存在`);
export const conflict = (code: string, message: string, details?: unknown) => new AppError(409, code, message, details);
export const preconditionFailed = (message = '数据已被他人修改，请刷新后重试', details?: unknown) =>
  new AppError(412, 'VERSION_MISMATCH', message, details);
export const tooLarge = (code: string, message: string, details?: unknown) => new AppError(413, code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) => new AppError(422, code, message, details);
export const tooManyRequests = (message = '操作过于频繁，请稍后再试') => new AppError(429, 'RATE_LIMITED', message);
