import { createHmac, hkdfSync } from 'node:crypto';
import { constants as fsConstants, createReadStream } from 'node:fs';
import { link, mkdir, open, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Clock } from '../lib/clock';
import { buildPostPolicy, encodePolicy, FIXED_FORM_FIELDS, safeEqual, signPolicy } from './post-policy';
import { CONTENT_TYPE_BY_EXT, keyToUrlPath, parseObjectKey } from './object-key';
import type { MediaStorage, StoredObject, UploadPolicy } from './types';

export const LOCAL_UPLOAD_PATH = '/api/v1/uploads/local';
export const LOCAL_FILES_PATH = '/api/v1/media-files';
export const LOCAL_ACCESS_KEY_ID = 'local';

/** The local adapter signs with its own key, derived from the data key so it needs no extra secret. */
export function deriveLocalStorageKey(dataKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, 'mashang', 'local-storage/v1', 32));
}

export interface LocalStorageOptions {
  dataDir: string;
  signingKey: Buffer;
  clock: Clock;
  /** Absolute base for the URLs it hands out; without it they are root-relative and the route makes them absolute. */
  publicBaseUrl?: string;
}

/**
 * Disk under DATA_DIR/uploads, written only through the PostObject-compatible upload endpoint
 * (same form fields and policy as OSS, HMAC-SHA256 instead of the OSS secret) and read only
 * through HMAC-signed expiring URLs served by the BFF.
 */
export class LocalStorage implements MediaStorage {
  readonly kind = 'local' as const;
  readonly origin = null;
  readonly root: string;
  private readonly base: string;

  constructor(private readonly opts: LocalStorageOptions) {
    this.root = path.resolve(opts.dataDir, 'uploads');
    this.base = (opts.publicBaseUrl ?? '').replace(/\/+$/, '');
  }

  createUploadPolicy(key: string, mime: string, maxSize: number): UploadPolicy {
    const { policy, expiresAt } = buildPostPolicy({ key, mime, maxSize, now: this.opts.clock.now() });
    const encoded = encodePolicy(policy);
    return {
      uploadUrl: `${this.base}${LOCAL_UPLOAD_PATH}`,
      fields: {
        key,
        policy: encoded,
        OSSAccessKeyId: LOCAL_ACCESS_KEY_ID,
        Signature: signPolicy(encoded, this.opts.signingKey, 'sha256'),
        'Content-Type': mime,
        ...FIXED_FORM_FIELDS,
      },
      expiresAt,
    };
  }

  verifyPolicySignature(encodedPolicy: string, signature: string): boolean {
    return safeEqual(signPolicy(encodedPolicy, this.opts.signingKey, 'sha256'), signature);
  }

  /** The file of a well-formed key, never outside the uploads directory; null for anything else. */
  pathFor(key: string): string | null {
    if (!parseObjectKey(key)) return null;
    const file = path.resolve(this.root, key);
    return file.startsWith(this.root + path.sep) ? file : null;
  }

  async head(key: string): Promise<StoredObject | null> {
    const file = this.pathFor(key);
    if (!file) return null;
    try {
      const st = await stat(file);
      return st.isFile() ? { size: st.size, contentType: CONTENT_TYPE_BY_EXT[parseObjectKey(key)!.ext] } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async read(key: string, maxBytes: number): Promise<Buffer> {
    const file = this.pathFor(key);
    if (!file) throw new Error(`not an object key: ${key}`);
    const handle = await open(file, fsConstants.O_RDONLY);
    try {
      const buf = Buffer.alloc(maxBytes);
      const { bytesRead } = await handle.read(buf, 0, maxBytes, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async stream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const file = this.pathFor(key);
    if (!file) throw new Error(`not an object key: ${key}`);
    return createReadStream(file, range ? { start: range.start, end: range.end } : {});
  }

  signedReadUrl(key: string, ttlSeconds: number): string {
    const expires = Math.floor(this.opts.clock.now().getTime() / 1000) + ttlSeconds;
    return `${this.base}${LOCAL_FILES_PATH}/${keyToUrlPath(key)}?expires=${expires}&signature=${this.readSignature(key, expires)}`;
  }

  /** 'ok', or why a signed read URL is refused. */
  checkReadUrl(key: string, expires: number, signature: string): 'ok' | 'expired' | 'invalid' {
    if (!parseObjectKey(key) || !safeEqual(this.readSignature(key, expires), signature)) return 'invalid';
    return expires * 1000 >= this.opts.clock.now().getTime() ? 'ok' : 'expired';
  }

  private readSignature(key: string, expires: number): string {
    return createHmac('sha256', this.opts.signingKey).update(`GET\n${key}\n${expires}`).digest('base64url');
  }

  /** A temp file inside the uploads tree (same filesystem, so publishing it is a link, not a copy). */
  async tempPath(): Promise<string> {
    const dir = path.join(this.root, '.tmp');
    await mkdir(dir, { recursive: true });
    return path.join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  }

  /**
   * Publishes a fully written temp file under `key` atomically and without overwriting
   * (`link` fails when the name exists, like `x-oss-forbid-overwrite`). The temp file is removed either way.
   */
  async publish(tempFile: string, key: string): Promise<'stored' | 'exists'> {
    const file = this.pathFor(key);
    if (!file) throw new Error(`not an object key: ${key}`);
    try {
      await mkdir(path.dirname(file), { recursive: true });
      await link(tempFile, file);
      return 'stored';
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return 'exists';
      throw err;
    } finally {
      await unlink(tempFile).catch(() => undefined);
    }
  }
}
