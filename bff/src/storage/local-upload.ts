/**
 * The local adapter's PostObject endpoint: a multipart form with the same fields OSS takes.
 * Every check happens when the `file` part starts (fields must come first, as with OSS), so
 * nothing unverified touches the disk; the body is streamed to a temp file, counted against
 * the policy's size range, and published under its key without overwriting.
 */
import { createWriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { MEDIA_LIMITS } from '@mashang/shared';
import { AppError, badRequest, conflict, forbidden, tooLarge } from '../http/errors';
import { checkPolicy, type CheckedPolicy } from './post-policy';
import { LOCAL_ACCESS_KEY_ID, type LocalStorage } from './local-storage';

const LARGEST_OBJECT = Math.max(...Object.values(MEDIA_LIMITS).map((l) => l.maxBytes));

export interface LocalUploadResult {
  key: string;
  status: 200 | 201 | 204;
}

interface Accepted {
  key: string;
  sizeRange: [number, number];
}

/** Checks signature, policy and key for the fields seen so far; throws the answer OSS would give, as an AppError. */
function acceptForm(storage: LocalStorage, fields: Record<string, string>, now: Date): Accepted {
  const get = (name: string) => Object.entries(fields).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  const policy = get('policy');
  const signature = get('Signature');
  const key = get('key');
  if (!policy || !signature || !key || get('OSSAccessKeyId') !== LOCAL_ACCESS_KEY_ID) {
    throw badRequest('UPLOAD_FORM_INVALID', '上传表单缺少必要字段（key、policy、OSSAccessKeyId、Signature 须在文件之前）');
  }
  if (!storage.verifyPolicySignature(policy, signature)) throw forbidden('上传签名无效', 'UPLOAD_SIGNATURE_INVALID');
  const checked: CheckedPolicy | string = checkPolicy(policy, fields, now);
  if (checked === 'POLICY_EXPIRED') throw forbidden('上传凭证已过期，请重新获取', 'UPLOAD_POLICY_EXPIRED');
  if (typeof checked === 'string') throw forbidden('上传内容与凭证不符', 'UPLOAD_POLICY_VIOLATED');
  if (!storage.pathFor(key)) throw badRequest('UPLOAD_KEY_INVALID', '文件名不合法');
  return { key, sizeRange: checked.sizeRange };
}

/** Counts bytes and fails the stream as soon as it passes `max`. */
function sizeGuard(max: number, onSize: (n: number) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      onSize(seen);
      if (seen > max) done(tooLarge('MEDIA_TOO_LARGE', '文件超过允许的大小'));
      else done(null, chunk);
    },
  });
}

/** Streams the file part into a temp file within the policy's size range; returns the temp path. */
async function writeFilePart(storage: LocalStorage, file: Readable, accepted: Accepted): Promise<string> {
  const temp = await storage.tempPath();
  let size = 0;
  try {
    await pipeline(file, sizeGuard(accepted.sizeRange[1], (n) => (size = n)), createWriteStream(temp, { flags: 'wx', mode: 0o600 }));
    if (size < accepted.sizeRange[0]) throw badRequest('UPLOAD_EMPTY', '上传的文件为空');
    return temp;
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** Publishes only a form that ended cleanly; anything after the file part (or an abort) discards it. */
async function settle(storage: LocalStorage, write: Promise<string> | undefined, key: string | undefined, failed: () => unknown): Promise<string> {
  const temp = await write?.catch(() => undefined);
  const failure = failed();
  if (failure || !temp || !key) {
    if (temp) await unlink(temp).catch(() => undefined);
    throw failure ?? badRequest('UPLOAD_FORM_INVALID', '表单中没有文件');
  }
  if ((await storage.publish(temp, key)) === 'exists') throw conflict('OBJECT_EXISTS', '该文件已上传，不能覆盖');
  return key;
}

function statusFor(fields: Record<string, string>): 200 | 201 | 204 {
  const s = fields.success_action_status;
  return s === '200' ? 200 : s === '201' ? 201 : 204;
}

/** A form larger than this (the largest object plus room for the fields) is refused before a byte is read. */
const LARGEST_FORM = LARGEST_OBJECT + 64 * 1024;

/**
 * Parses and stores one PostObject-style upload from `req`. A form that fails once its file
 * has started (too large, bad policy) is answered at once: the rest of the body is not read
 * (the caller closes the connection), so a client sending far too much is not kept waiting
 * until it has sent it all.
 */
export function receiveLocalUpload(storage: LocalStorage, req: IncomingMessage, now: Date): Promise<LocalUploadResult> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length'] ?? 0) > LARGEST_FORM) {
      reject(tooLarge('MEDIA_TOO_LARGE', '文件超过允许的大小'));
      return;
    }
    let bb: busboy.Busboy;
    try {
      bb = busboy({ headers: req.headers, limits: { fields: 20, fieldSize: 8 * 1024, fieldNameSize: 100, files: 1, parts: 21, fileSize: LARGEST_OBJECT + 1 } });
    } catch {
      reject(badRequest('UPLOAD_FORM_INVALID', '请以 multipart/form-data 上传'));
      return;
    }
    const fields: Record<string, string> = {};
    let failure: unknown;
    let write: Promise<string> | undefined;
    let key: string | undefined;
    let settled = false;
    const fail = (err: unknown) => {
      failure ??= err;
    };
    const finish = () => {
      if (settled) return;
      settled = true;
      settle(storage, write, key, () => failure).then((k) => resolve({ key: k, status: statusFor(fields) }), reject);
    };
    const abort = (err: unknown) => {
      fail(err);
      req.unpipe(bb);
      bb.destroy();
      finish();
    };
    bb.on('field', (name, value, info) => {
      if (write) fail(badRequest('UPLOAD_FORM_INVALID', '文件必须是表单的最后一项'));
      else if (info.valueTruncated || info.nameTruncated) fail(badRequest('UPLOAD_FORM_INVALID', '表单字段过长'));
      else fields[name] = value;
    });
    bb.on('file', (name, file) => {
      // An aborted form ends its file stream with an error; the form's outcome is `failure`.
      file.on('error', () => undefined);
      if (write || failure || name !== 'file') {
        fail(badRequest('UPLOAD_FORM_INVALID', '表单只能包含一个名为 file 的文件'));
        file.resume();
        return;
      }
      try {
        const accepted = acceptForm(storage, fields, now);
        key = accepted.key;
        write = writeFilePart(storage, file, accepted);
        write.catch(abort);
      } catch (err) {
        file.resume();
        abort(err);
      }
    });
    bb.on('filesLimit', () => fail(badRequest('UPLOAD_FORM_INVALID', '表单只能包含一个文件')));
    bb.on('partsLimit', () => fail(badRequest('UPLOAD_FORM_INVALID', '表单项过多')));
    bb.on('fieldsLimit', () => fail(badRequest('UPLOAD_FORM_INVALID', '表单项过多')));
    bb.on('error', (err) => fail(err instanceof AppError ? err : badRequest('UPLOAD_FORM_INVALID', '上传表单格式错误')));
    bb.on('close', finish);
    req.on('aborted', () => {
      fail(badRequest('UPLOAD_ABORTED', '上传被中断'));
      bb.destroy();
    });
    req.pipe(bb);
  });
}
