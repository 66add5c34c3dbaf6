import { useEffect, useState } from 'react';
import { Button, Upload, type UploadFile } from 'antd';
import { MEDIA_LIMITS } from '@mashang/shared';
import { api, unwrap } from '../api/client';
import { ApiError, messageOf } from '../api/errors';

const IMAGE = MEDIA_LIMITS.image;

/**
 * The two steps of an upload: a signed policy from POST /api/admin/v1/uploads (the staff
 * member's own key), then the file posted with the policy's fields. Resolves to the key.
 */
type ImageMime = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic' | 'image/heif';
const isImageMime = (mime: string): mime is ImageMime => (IMAGE.mimes as readonly string[]).includes(mime);

export async function uploadPhoto(file: File): Promise<string> {
  const mime = file.type.toLowerCase();
  if (!isImageMime(mime)) throw new ApiError(400, 'MEDIA_TYPE_NOT_ALLOWED', `照片只支持以下格式：${[...new Set(Object.values(IMAGE.types))].join('、')}`);
  const issued = await unwrap(api.POST('/api/admin/v1/uploads', { body: { kind: 'image', mime, size: file.size } }));
  const form = new FormData();
  for (const [k, v] of Object.entries(issued.fields)) form.append(k, v);
  form.append('file', file, file.name);
  const res = await fetch(issued.uploadUrl, { method: 'POST', body: form }).catch(() => null);
  if (!res?.ok) throw new ApiError(res?.status ?? 0, 'UPLOAD_FAILED', '照片上传失败，请重试');
  return issued.key;
}

interface Props {
  /** The keys of the uploaded photos (antd Form.Item passes value/onChange). */
  value?: string[];
  onChange?(keys: string[]): void;
}

/** Photos for a reply: each uploaded at once, its key kept; failed ones say why and can be removed. */
export function PhotoUpload({ value, onChange }: Props) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  // The form was reset (a new dialog): the photos of the last one go too.
  useEffect(() => {
    if (!value?.length) setFiles((list) => list.filter((f) => f.status !== 'done'));
  }, [value]);
  const keysOf = (list: UploadFile[]) => list.filter((f) => f.status === 'done' && typeof f.response === 'string').map((f) => f.response as string);
  const update = (list: UploadFile[]) => {
    setFiles(list);
    const keys = keysOf(list);
    if (keys.join() !== (value ?? []).join()) onChange?.(keys);
  };
  return (
    <Upload
      accept={IMAGE.mimes.join(',')}
      listType="picture"
      multiple
      maxCount={IMAGE.maxCount}
      fileList={files}
      onChange={({ fileList }) => update(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadPhoto(file as File).then(
          (key) => onSuccess?.(key),
          (err: unknown) => onError?.(new Error(messageOf(err))),
        );
      }}
    >
      <Button size="large" data-testid="photo-upload">
        添加照片（最多 {IMAGE.maxCount} 张）
      </Button>
    </Upload>
  );
}
