/**
 * `Content-Disposition: attachment` with a Chinese file name: an ASCII fallback in `filename`
 * for old clients and the real name in `filename*` (RFC 5987 / RFC 6266 ext-value, UTF-8
 * percent-encoded), which every current browser and WeChat's web view use.
 */
const ATTR_CHAR = /[A-Za-z0-9!#$&+.^_`|~-]/;

export function rfc5987(value: string): string {
  let out = '';
  for (const ch of value) out += ATTR_CHAR.test(ch) ? ch : [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  return out;
}

export function attachmentDisposition(fileName: string, asciiFallback: string): string {
  const fallback = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(fileName)}`;
}
