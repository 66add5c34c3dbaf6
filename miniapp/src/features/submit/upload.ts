import Taro from '@tarojs/taro';
import { MEDIA_LIMITS } from '@mashang/shared';
import { requestUpload } from '../../services/api';
import { errorFromResponse, networkError } from '../../services/errors';
import { apiUrl } from '../../services/request';
import type { LocalMedia } from '../../platform/types';

/** Checks a picked file against the shared limits before anything is sent; returns the problem in plain words. */
export function mediaProblem(media: LocalMedia): string | undefined {
  const limit = MEDIA_LIMITS[media.kind];
  const mb = Math.round(limit.maxBytes / 1024 / 1024);
  if (!limit.mimes.includes(media.mime.toLowerCase())) return `不支持这种格式，请选择 ${limit.extensions.join('、')} 文件`;
  if (media.size > limit.maxBytes) return `文件太大了，不能超过 ${mb} MB`;
  if (limit.maxDurationSec === undefined) return undefined;
  if (!media.duration) return '读不出这个文件的时长，请换一个';
  if (media.duration > limit.maxDurationSec) return `时长不能超过 ${limit.maxDurationSec} 秒`;
  return undefined;
}

function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

/**
 * Two steps, as the BFF's storage port wants it for OSS and local disk alike: ask for a signed
 * slot (POST /api/v1/uploads), then post the file with the slot's `fields` straight to `uploadUrl`.
 * Resolves to the storage key the ticket will reference. `onAbortable` receives the way to stop
 * the transfer (the citizen's 取消 on a weak network).
 */
export async function uploadMedia(media: LocalMedia, onProgress: (percent: number) => void, onAbortable: (abort: () => void) => void = () => undefined): Promise<string> {
  const grant = await requestUpload({ kind: media.kind, mime: media.mime.toLowerCase(), size: media.size, duration: media.duration });
  const task = Taro.uploadFile({
    url: apiUrl(grant.uploadUrl),
    filePath: media.path,
    name: 'file',
    fileName: media.name,
    formData: grant.fields,
    withCredentials: false,
    timeout: 120000,
  });
  task.progress((p) => onProgress(p.progress));
  onAbortable(() => task.abort());
  let res: Taro.uploadFile.SuccessCallbackResult;
  try {
    res = await task;
  } catch (e) {
    throw networkError((e as { errMsg?: string } | undefined)?.errMsg);
  }
  if (res.statusCode < 200 || res.statusCode >= 300) throw errorFromResponse(res.statusCode, parseBody(res.data));
  onProgress(100);
  return grant.key;
}

