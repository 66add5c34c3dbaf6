import type { Readable } from 'node:stream';
import OSS from 'ali-oss';
import type { Clock } from '../lib/clock';
import { buildPostPolicy, FIXED_FORM_FIELDS } from './post-policy';
import type { MediaStorage, StoredObject, UploadPolicy } from './types';

export interface OssStorageOptions {
  region: string;
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** A domain that serves the bucket directly (custom domain / CNAME, private cloud, a test server). */
  endpoint?: string;
  clock: Clock;
}

/** ali-oss wants `oss-cn-hangzhou`; people often write `cn-hangzhou`. */
const normalizeRegion = (region: string): string => (region.startsWith('oss-') ? region : `oss-${region}`);

/**
 * Aliyun OSS. The bucket stays private: clients upload with a PostObject policy signed by
 * `calculatePostSignature` and read through `signatureUrl`; the BFF only HEADs and reads the
 * first bytes of an object to check it.
 */
export class OssStorage implements MediaStorage {
  readonly kind = 'oss' as const;
  private readonly client: OSS;
  private readonly uploadUrl: string;
  readonly origin: string;

  constructor(private readonly opts: OssStorageOptions) {
    const region = normalizeRegion(opts.region);
    this.client = new OSS({
      region,
      bucket: opts.bucket,
      accessKeyId: opts.accessKeyId,
      accessKeySecret: opts.accessKeySecret,
      secure: true,
      timeout: 10_000,
      ...(opts.endpoint ? { endpoint: opts.endpoint, cname: true } : {}),
    });
    this.uploadUrl = opts.endpoint ? new URL('/', opts.endpoint).toString() : `https://${opts.bucket}.${region}.aliyuncs.com/`;
    this.origin = new URL(this.uploadUrl).origin;
  }

  createUploadPolicy(key: string, mime: string, maxSize: number): UploadPolicy {
    const { policy, expiresAt } = buildPostPolicy({ key, mime, maxSize, now: this.opts.clock.now(), bucket: this.opts.bucket });
    const signed = this.client.calculatePostSignature(policy);
    return {
      uploadUrl: this.uploadUrl,
      fields: {
        key,
        policy: signed.policy,
        OSSAccessKeyId: signed.OSSAccessKeyId,
        Signature: signed.Signature,
        'Content-Type': mime,
        ...FIXED_FORM_FIELDS,
      },
      expiresAt,
    };
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const res = await this.client.head(key);
      const headers = res.res.headers as Record<string, string | undefined>;
      return { size: Number(headers['content-length'] ?? 0), contentType: headers['content-type'] ?? 'application/octet-stream' };
    } catch (err) {
      if ((err as { status?: number }).status === 404) return null;
      throw err;
    }
  }

  async read(key: string, maxBytes: number): Promise<Buffer> {
    const res = await this.client.get(key, undefined, { headers: { Range: `bytes=0-${maxBytes - 1}` } });
    const content: unknown = res.content;
    return Buffer.isBuffer(content) ? content.subarray(0, maxBytes) : Buffer.alloc(0);
  }

  async stream(key: string, range?: { start: number; end: number }): Promise<Readable> {
    const res = await this.client.getStream(key, range ? { headers: { Range: `bytes=${range.start}-${range.end}` } } : undefined);
    return res.stream as Readable;
  }

  signedReadUrl(key: string, ttlSeconds: number): string {
    return this.client.signatureUrl(key, { expires: ttlSeconds, method: 'GET' });
  }
}
