import QRCode from 'qrcode';
import type { AppDeps } from '../app';
import { badRequest } from '../http/errors';
import { publicBaseUrl } from '../config/public-url';

/** The mini-program page a scanned code opens; it reads `scene` from its query. */
export const SCENE_PAGE = 'pages/scan/index';

/** getwxacodeunlimit accepts at most 32 visible characters from this set. */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export interface QrImage {
  image: Buffer;
  contentType: string;
  source: 'wechat' | 'h5-link';
}

/** Where the h5 build takes a scene when no mini-program code can be had. */
export function h5SceneUrl(config: AppDeps['config'], scene: string): string {
  return `${publicBaseUrl(config)}/h5/?scene=${encodeURIComponent(scene)}`;
}

/**
 * The code to print for a QR point: WeChat's mini-program code when WeChat is configured and
 * answers; otherwise (dev, or WeChat failing) a plain QR of the h5 link, so a point can always
 * be printed.
 */
export async function qrCodeFor(deps: Pick<AppDeps, 'wechat' | 'config' | 'logger'>, scene: string): Promise<QrImage> {
  if (!SCENE_PATTERN.test(scene)) throw badRequest('SCENE_INVALID', '二维码场景值须为 1–32 个字母、数字或常用符号');
  if (deps.wechat) {
    try {
      return { ...(await deps.wechat.getUnlimitedQrCode(scene, SCENE_PAGE)), source: 'wechat' };
    } catch (err) {
      deps.logger.warn({ err, scene }, 'getwxacodeunlimit failed; falling back to a plain QR of the h5 link');
    }
  }
  const image = await QRCode.toBuffer(h5SceneUrl(deps.config, scene), { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 430 });
  return { image, contentType: 'image/png', source: 'h5-link' };
}
