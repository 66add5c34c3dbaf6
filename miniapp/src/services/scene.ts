/** Scene ids are short tokens (getwxacodeunlimit allows 32 visible characters). */
const SCENE_PATTERN = /^[A-Za-z0-9_\-.~!*()]{1,32}$/;

/** WeChat passes the scene URL-encoded in the page query; a typed or scanned one may have spaces. */
export function normalizeScene(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  let value = raw.trim();
  try {
    value = decodeURIComponent(value);
  } catch {
    return undefined;
  }
  return SCENE_PATTERN.test(value) ? value : undefined;
}

/** A scan gives either a mini-program path (`pages/scan/index?scene=x`) or the h5 link (`…?scene=x`). */
export function sceneFromScanResult(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const match = /[?&]scene=([^&#]+)/.exec(text);
  return normalizeScene(match ? match[1] : undefined);
}
