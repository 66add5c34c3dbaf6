/**
 * A loopback stand-in for one Aliyun OSS bucket, speaking the documented wire format:
 * PostObject (multipart form, V1 policy + HMAC-SHA1 signature, conditions enforced),
 * HEAD/GET with the V1 `Authorization: OSS id:sig` header, and GET through a signed URL
 * (`OSSAccessKeyId`, `Expires`, `Signature`). It shares no code with the BFF, so the BFF's
 * policies and ali-oss's signatures are checked against an independent reading of the spec.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import busboy from 'busboy';

export interface FakeOssObject {
  body: Buffer;
  contentType: string;
}

export interface FakeOss {
  /** `http://localhost:<port>`: a hostname, since ali-oss refuses signed URLs for IP endpoints. */
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  accessKeySecret: string;
  objects: Map<string, FakeOssObject>;
  /** `METHOD status path` of every request, for assertions. */
  log: string[];
  close(): Promise<void>;
}

export interface FakeOssOptions {
  bucket?: string;
  accessKeyId?: string;
  accessKeySecret?: string;
  /** The clock policy expirations are judged by (the BFF's ManualClock in tests). */
  now?: () => Date;
}

const hmacSha1 = (secret: string, text: string) => createHmac('sha1', secret).update(text, 'utf8').digest('base64');

function xmlError(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'Content-Type': 'application/xml' });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

type Condition = Record<string, string> | [string, string, unknown, unknown?];

/** Returns an error code, or the allowed size range, for a policy against the form fields. */
function evaluatePolicy(policy: { expiration?: string; conditions?: Condition[] }, fields: Record<string, string>, bucket: string, now: Date): string | [number, number] {
  if (!policy.expiration || !Array.isArray(policy.conditions)) return 'InvalidPolicyDocument';
  if (new Date(policy.expiration).getTime() <= now.getTime()) return 'AccessDenied: policy expired';
  const field = (name: string) => fields[name.replace(/^\$/, '').toLowerCase()];
  let range: [number, number] = [0, Number.MAX_SAFE_INTEGER];
  for (const c of policy.conditions) {
    if (!Array.isArray(c)) {
      for (const [k, v] of Object.entries(c)) if ((k === 'bucket' ? bucket : field(k)) !== v) return `AccessDenied: ${k}`;
    } else if (c[0] === 'content-length-range') {
      range = [Number(c[1]), Number(c[2])];
    } else if (c[0] === 'eq' && field(c[1]) !== c[2]) {
      return `AccessDenied: ${c[1]}`;
    } else if (c[0] === 'starts-with' && !(field(c[1]) ?? '').startsWith(String(c[2]))) {
      return `AccessDenied: ${c[1]}`;
    } else if (c[0] === 'in' && !(c[2] as string[]).includes(field(c[1]))) {
      return `AccessDenied: ${c[1]}`;
    }
  }
  return range;
}

function readForm(req: http.IncomingMessage): Promise<{ fields: Record<string, string>; file?: { body: Buffer; afterFields: boolean } }> {
  return new Promise((resolve, reject) => {
    const fields: Record<string, string> = {};
    let file: { body: Buffer; afterFields: boolean } | undefined;
    const bb = busboy({ headers: req.headers });
    bb.on('field', (name, value) => {
      if (file) file.afterFields = false;
      fields[name.toLowerCase()] = value;
    });
    bb.on('file', (_name, stream) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => (file = { body: Buffer.concat(chunks), afterFields: true }));
    });
    bb.on('close', () => resolve({ fields, file }));
    bb.on('error', reject);
    req.pipe(bb);
  });
}

async function postObject(o: Required<FakeOssOptions>, objects: Map<string, FakeOssObject>, req: http.IncomingMessage, res: http.ServerResponse): Promise<number> {
  const { fields, file } = await readForm(req);
  if (!file || !file.afterFields) return (xmlError(res, 400, 'InvalidArgument', 'file must be the last form field'), 400);
  if (fields.ossaccesskeyid !== o.accessKeyId) return (xmlError(res, 403, 'InvalidAccessKeyId', 'unknown key'), 403);
  if (!fields.policy || fields.signature !== hmacSha1(o.accessKeySecret, fields.policy)) {
    return (xmlError(res, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match'), 403);
  }
  const verdict = evaluatePolicy(JSON.parse(Buffer.from(fields.policy, 'base64').toString('utf8')), fields, o.bucket, o.now());
  if (typeof verdict === 'string') return (xmlError(res, 403, verdict.split(':')[0], verdict), 403);
  if (file.body.length < verdict[0] || file.body.length > verdict[1]) return (xmlError(res, 400, 'EntityTooLarge', 'size outside content-length-range'), 400);
  if (fields['x-oss-forbid-overwrite'] === 'true' && objects.has(fields.key)) return (xmlError(res, 409, 'FileAlreadyExists', 'object exists'), 409);
  objects.set(fields.key, { body: file.body, contentType: fields['content-type'] ?? 'application/octet-stream' });
  const status = ['200', '201'].includes(fields.success_action_status) ? Number(fields.success_action_status) : 204;
  res.writeHead(status);
  res.end();
  return status;
}

/** V1 header signature: VERB, Content-MD5, Content-Type, Date (x-oss-date wins), x-oss-* headers, /bucket/key. */
function headerSignatureValid(o: Required<FakeOssOptions>, req: http.IncomingMessage, key: string): boolean {
  const auth = req.headers.authorization ?? '';
  const m = /^OSS ([^:]+):(.+)$/.exec(auth);
  if (!m || m[1] !== o.accessKeyId) return false;
  const h = req.headers;
  const ossHeaders = Object.keys(h)
    .filter((k) => k.startsWith('x-oss-'))
    .sort()
    .map((k) => `${k}:${String(h[k]).trim()}`);
  const canonical = [req.method, h['content-md5'] ?? '', h['content-type'] ?? '', h['x-oss-date'] ?? h.date ?? '', ...ossHeaders, `/${o.bucket}/${key}`].join('\n');
  return m[2] === hmacSha1(o.accessKeySecret, canonical);
}

/** Signed URL: `GET\n\n\n<Expires>\n/bucket/key`. Expiry is judged by the real clock, as ali-oss signs with it. */
function urlSignatureValid(o: Required<FakeOssOptions>, url: URL, key: string): boolean {
  const id = url.searchParams.get('OSSAccessKeyId');
  const expires = url.searchParams.get('Expires');
  const signature = url.searchParams.get('Signature');
  if (id !== o.accessKeyId || !expires || !signature) return false;
  if (Number(expires) * 1000 < Date.now()) return false;
  return signature === hmacSha1(o.accessKeySecret, `GET\n\n\n${expires}\n/${o.bucket}/${key}`);
}

function readObject(o: Required<FakeOssOptions>, objects: Map<string, FakeOssObject>, req: http.IncomingMessage, res: http.ServerResponse): number {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const key = decodeURIComponent(url.pathname.slice(1));
  const signedUrl = url.searchParams.has('Signature');
  if (!(signedUrl ? urlSignatureValid(o, url, key) : headerSignatureValid(o, req, key))) {
    return (xmlError(res, 403, 'SignatureDoesNotMatch', 'bad signature'), 403);
  }
  const obj = objects.get(key);
  if (!obj) {
    if (req.method === 'HEAD') return (res.writeHead(404).end(), 404);
    return (xmlError(res, 404, 'NoSuchKey', 'The specified key does not exist.'), 404);
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(String(req.headers.range ?? ''));
  const start = range ? Number(range[1]) : 0;
  const end = range && range[2] ? Math.min(Number(range[2]), obj.body.length - 1) : obj.body.length - 1;
  const body = obj.body.subarray(start, end + 1);
  const status = range ? 206 : 200;
  res.writeHead(status, {
    'Content-Type': obj.contentType,
    'Content-Length': String(req.method === 'HEAD' ? obj.body.length : body.length),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${obj.body.length}` } : {}),
    ETag: '"fake"',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return status;
}

export async function startFakeOss(options: FakeOssOptions = {}): Promise<FakeOss> {
  const o: Required<FakeOssOptions> = {
    bucket: options.bucket ?? 'mashang-test',
    accessKeyId: options.accessKeyId ?? 'LTAI-test-key-id',
    accessKeySecret: options.accessKeySecret ?? 'test-access-key-secret',
    now: options.now ?? (() => new Date()),
  };
  const objects = new Map<string, FakeOssObject>();
  const log: string[] = [];
  const server = http.createServer((req, res) => {
    const handle = async (): Promise<number> => {
      if (req.method === 'POST' && (req.url === '/' || req.url?.startsWith('/?'))) return postObject(o, objects, req, res);
      if (req.method === 'GET' || req.method === 'HEAD') return readObject(o, objects, req, res);
      return (xmlError(res, 405, 'MethodNotAllowed', 'not supported by the fake'), 405);
    };
    handle()
      .then((status) => log.push(`${req.method} ${status} ${req.url}`))
      .catch(() => xmlError(res, 400, 'MalformedPOSTRequest', 'bad form'));
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://localhost:${port}`,
    ...o,
    objects,
    log,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
