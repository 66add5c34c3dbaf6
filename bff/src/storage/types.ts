import type { Readable } from 'node:stream';

/** What a client needs to upload one object straight to storage with a PostObject form. */
export interface UploadPolicy {
  uploadUrl: string;
  /** Form fields to send before the `file` part, verbatim. */
  fields: Record<string, string>;
  expiresAt: Date;
}

export interface StoredObject {
  size: number;
  contentType: string;
}

/**
 * The media storage port. Objects are written by clients directly (PostObject form), never
 * through the BFF's JSON API; the BFF only issues policies, inspects what arrived and hands
 * out short-lived read URLs.
 */
export interface MediaStorage {
  readonly kind: 'oss' | 'local';
  /**
   * The origin browsers upload to and read from when it is not the BFF's own (the object store's
   * `https://bucket.region.aliyuncs.com` or its custom domain): the web apps' Content-Security-Policy
   * allows exactly it. Null: the BFF serves uploads and reads itself ('self').
   */
  readonly origin: string | null;
  /** A signed policy allowing exactly `key`, `mime` and 1..maxSize bytes for 10 minutes. */
  createUploadPolicy(key: string, mime: string, maxSize: number): UploadPolicy;
  /** Size and content type of an uploaded object, or null when nothing is there. */
  head(key: string): Promise<StoredObject | null>;
  /** The first `maxBytes` bytes (enough for a magic-number check). */
  read(key: string, maxBytes: number): Promise<Buffer>;
  /** The bytes `start..end` (inclusive) or the whole object, for the BFF to serve itself (media/handles.ts). */
  stream(key: string, range?: { start: number; end: number }): Promise<Readable>;
  /** A URL anyone holding it may GET for `ttlSeconds`; root-relative for the local adapter without PUBLIC_BASE_URL. */
  signedReadUrl(key: string, ttlSeconds: number): string;
}

export const UPLOAD_POLICY_TTL_MS = 10 * 60 * 1000;
