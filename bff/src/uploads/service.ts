/** Issuing upload policies, and checking and claiming uploaded objects when a ticket attaches them. */
import { MEDIA_LIMITS, type MediaKind } from '@mashang/shared';
import type { AppDeps } from '../app';
import { badRequest, tooLarge, tooManyRequests } from '../http/errors';
import { newObjectKey } from '../storage/object-key';
import type { UploadPolicy } from '../storage/types';
import { mediaUseModel, uploadModel, type UploadDoc } from './model';
import { checkAttachment, claimAll, loadOwnedRecords } from './attachments';

export type UploadDeps = Pick<AppDeps, 'db' | 'clock' | 'storage'>;

/** How many upload policies one citizen may be issued per hour; plenty for 9 photos, a video and retries. */
export const UPLOADS_PER_HOUR = 120;

export interface UploadRequest {
  kind: MediaKind;
  mime: string;
  size: number;
  duration?: number;
}

export interface IssuedUpload extends UploadPolicy {
  key: string;
}

/**
 * The owner an upload record names for a staff member's upload (reply photos): never a citizen
 * id, so a staff upload can be attached only by that staff member, and a citizen's only by them.
 */
export const staffUploader = (staffId: string): string => `staff:${staffId}`;

/** `image/JPEG; charset=x` → `image/jpeg`. */
export const normalizeMime = (mime: string): string => mime.split(';')[0].trim().toLowerCase();

/** Applies the kind's limits to what the client declares; throws the code the mini-program shows. */
export function checkDeclared(req: UploadRequest): { mime: string; ext: string } {
  const limit = MEDIA_LIMITS[req.kind];
  const mime = normalizeMime(req.mime);
  const ext = limit.types[mime];
  if (!ext) {
    throw badRequest('MEDIA_TYPE_NOT_ALLOWED', `${limit.label}只支持以下格式：${[...new Set(Object.values(limit.types))].join('、')}`, { kind: req.kind, allowed: Object.keys(limit.types) });
  }
  if (req.size > limit.maxBytes) {
    throw tooLarge('MEDIA_TOO_LARGE', `${limit.label}不能超过 ${Math.round(limit.maxBytes / 1024 / 1024)} MB`, { kind: req.kind, maxBytes: limit.maxBytes });
  }
  if (limit.maxDurationSec !== undefined && req.duration !== undefined && req.duration > limit.maxDurationSec) {
    throw badRequest('MEDIA_TOO_LONG', `${limit.label}不能超过 ${limit.maxDurationSec} 秒`, { kind: req.kind, maxDurationSec: limit.maxDurationSec });
  }
  return { mime, ext };
}

/**
 * A fresh opaque key (nothing of the citizen in it) and a PostObject policy for it; the issue
 * record keeps who may attach it, for the later checks.
 */
export async function issueUpload(deps: UploadDeps, citizenId: string, req: UploadRequest): Promise<IssuedUpload> {
  // `citizenId`: the uploader — a citizen id, or `staffUploader(id)` for staff.
  const { mime, ext } = checkDeclared(req);
  const now = deps.clock.now();
  const uploads = uploadModel(deps.db);
  const recent = await uploads.countDocuments({ citizenId, issuedAt: { $gte: new Date(now.getTime() - 3600_000) } });
  if (recent >= UPLOADS_PER_HOUR) throw tooManyRequests('上传次数过多，请稍后再试');
  const key = newObjectKey(ext, now);
  const maxSize = MEDIA_LIMITS[req.kind].maxBytes;
  const policy = deps.storage.createUploadPolicy(key, mime, maxSize);
  const record: UploadDoc = { _id: key, citizenId, kind: req.kind, mime, maxSize, issuedAt: now, expiresAt: policy.expiresAt };
  if (req.duration !== undefined) record.duration = req.duration;
  await uploads.create(record);
  return { key, ...policy };
}

/** What a ticket stores per attachment. */
export interface AttachmentDescriptor {
  key: string;
  kind: MediaKind;
  mime: string;
  size: number;
  duration?: number;
}

function checkCounts(records: UploadDoc[]): void {
  for (const [kind, limit] of Object.entries(MEDIA_LIMITS) as Array<[MediaKind, (typeof MEDIA_LIMITS)[MediaKind]]>) {
    const n = records.filter((r) => r.kind === kind).length;
    if (n > limit.maxCount) throw badRequest('MEDIA_TOO_MANY', `${limit.label}最多 ${limit.maxCount} 个`, { kind, max: limit.maxCount });
  }
}

/**
 * Checks every key a ticket (or a supplement) references and claims them all for `ticketNo`,
 * or claims none: each must have been issued to this citizen, be uploaded, within its size
 * limit, of the declared kind by its magic bytes, and not attached anywhere before; at most
 * 9 images, 1 video, 1 voice. Calling it again for the same ticket and keys succeeds (a
 * retried submit). If the ticket is then not stored, call `releaseAttachments`.
 */
export async function verifyAttachments(deps: UploadDeps, citizenId: string, keys: readonly string[], ticketNo: string): Promise<AttachmentDescriptor[]> {
  if (keys.length === 0) return [];
  if (new Set(keys).size !== keys.length) throw badRequest('MEDIA_DUPLICATE', '同一个文件不能重复添加');
  const records = await loadOwnedRecords(deps.db, citizenId, keys);
  checkCounts(records);
  const descriptors: AttachmentDescriptor[] = [];
  for (const record of records) descriptors.push(await checkAttachment(deps, record, ticketNo));
  await claimAll(deps, citizenId, keys, ticketNo);
  return descriptors;
}

/** Undoes `verifyAttachments` for a ticket that was not stored after all. */
export async function releaseAttachments(deps: Pick<AppDeps, 'db'>, keys: readonly string[], ticketNo: string): Promise<void> {
  await mediaUseModel(deps.db).deleteMany({ _id: { $in: [...keys] }, ticketNo });
  await uploadModel(deps.db).updateMany({ _id: { $in: [...keys] }, usedBy: ticketNo }, { $unset: { usedBy: 1 } });
}

/** The ticket an object is attached to, for read checks; null while unattached. */
export async function ticketOfMedia(deps: Pick<AppDeps, 'db'>, key: string): Promise<string | null> {
  const use = await mediaUseModel(deps.db).findById(key).lean();
  return use?.ticketNo ?? null;
}
