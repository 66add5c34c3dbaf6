/** The checks behind verifyAttachments: ownership, existence, size, magic bytes, single use. */
import { fromBuffer } from 'file-type';
import type { Connection } from 'mongoose';
import { MEDIA_LIMITS, type MediaKind } from '@mashang/shared';
import type { AppDeps } from '../app';
import { isDuplicateKey } from '../db/atomic';
import { AppError, badRequest, conflict, forbidden, notFound, tooLarge } from '../http/errors';
import { parseObjectKey } from '../storage/object-key';
import { mediaUseModel, uploadModel, type UploadDoc } from './model';
import type { AttachmentDescriptor } from './service';

/** Enough of the head of a file for file-type to see past ID3 tags and container headers. */
export const MAGIC_BYTES = 64 * 1024;

/**
 * What the bytes may turn out to be for each declared kind. Voice includes `video/mp4`
 * because some recorders write m4a audio with a generic `isom`/`mp42` brand.
 */
export const DETECTED_TYPES: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'],
  video: ['video/mp4', 'video/quicktime', 'video/x-m4v'],
  voice: ['audio/mpeg', 'audio/aac', 'audio/x-m4a', 'audio/mp4', 'audio/vnd.wave', 'audio/wav', 'video/mp4'],
};

/**
 * The issue records of `keys` in their order, each proven to belong to this citizen. The key
 * itself names no owner (legacy keys do, and must agree); the upload record is the proof.
 */
export async function loadOwnedRecords(db: Connection, citizenId: string, keys: readonly string[]): Promise<UploadDoc[]> {
  for (const key of keys) {
    const parsed = parseObjectKey(key);
    if (!parsed) throw badRequest('MEDIA_KEY_INVALID', '附件标识不正确', { key });
    if (parsed.legacyOwner !== undefined && parsed.legacyOwner !== citizenId) throw forbidden('不能使用他人上传的文件', 'MEDIA_NOT_OWNED');
  }
  const found = await uploadModel(db).find({ _id: { $in: [...keys] } }).lean<UploadDoc[]>();
  const byKey = new Map(found.map((r) => [r._id, r]));
  return keys.map((key) => {
    const record = byKey.get(key);
    if (!record) throw new AppError(404, 'MEDIA_NOT_FOUND', '附件不存在，请重新上传', { key });
    if (record.citizenId !== citizenId) throw forbidden('不能使用他人上传的文件', 'MEDIA_NOT_OWNED');
    return record;
  });
}

/** One object against its issue record; throws the first problem found. */
export async function checkAttachment(deps: Pick<AppDeps, 'db' | 'storage'>, record: UploadDoc, ticketNo: string): Promise<AttachmentDescriptor> {
  const key = record._id;
  const use = await mediaUseModel(deps.db).findById(key).lean();
  if (use && use.ticketNo !== ticketNo) throw conflict('MEDIA_ALREADY_USED', '该文件已用于其他诉求，请重新上传', { key });
  const head = await deps.storage.head(key);
  if (!head) throw notFound('附件', 'MEDIA_NOT_FOUND');
  const limit = MEDIA_LIMITS[record.kind];
  if (head.size > Math.min(limit.maxBytes, record.maxSize)) throw tooLarge('MEDIA_TOO_LARGE', `${limit.label}超过大小限制`, { key, maxBytes: limit.maxBytes });
  const detected = await fromBuffer(await deps.storage.read(key, MAGIC_BYTES));
  if (!detected || !DETECTED_TYPES[record.kind].includes(detected.mime)) {
    throw badRequest('MEDIA_TYPE_MISMATCH', `文件内容不是有效的${limit.label}`, { key, kind: record.kind, detected: detected?.mime ?? null });
  }
  return { key, kind: record.kind, mime: record.mime, size: head.size, ...(record.duration !== undefined ? { duration: record.duration } : {}) };
}

/**
 * Claims every key for the ticket with a unique insert each (atomic on FerretDB too). A key
 * another ticket got first releases what this call had claimed, so a ticket never holds half
 * of its attachments.
 */
export async function claimAll(deps: Pick<AppDeps, 'db' | 'clock'>, citizenId: string, keys: readonly string[], ticketNo: string): Promise<void> {
  const uses = mediaUseModel(deps.db);
  const claimed: string[] = [];
  const at = deps.clock.now();
  for (const key of keys) {
    try {
      await uses.create({ _id: key, ticketNo, citizenId, at });
      claimed.push(key);
    } catch (err) {
      if (!isDuplicateKey(err)) {
        await uses.deleteMany({ _id: { $in: claimed }, ticketNo });
        throw err;
      }
      const holder = await uses.findById(key).lean();
      if (holder?.ticketNo === ticketNo) continue;
      await uses.deleteMany({ _id: { $in: claimed }, ticketNo });
      throw conflict('MEDIA_ALREADY_USED', '该文件已用于其他诉求，请重新上传', { key });
    }
  }
  await uploadModel(deps.db).updateMany({ _id: { $in: [...keys] } }, { $set: { usedBy: ticketNo } });
}
