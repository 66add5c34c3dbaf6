import Taro from '@tarojs/taro';

const TEMPLATE_IDS = (process.env.TARO_APP_SUBSCRIBE_TEMPLATES ?? '').split(',').map((s) => s.trim()).filter(Boolean);

/**
 * Asks for consent to status notices (accepted, replied, closed…). WeChat allows it only from
 * a tap, at most 3 templates per call; a refusal is the citizen's right, never an error.
 */
export async function askForNotices(): Promise<void> {
  if (TEMPLATE_IDS.length === 0) return;
  await Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS.slice(0, 3), entityIds: [] }).catch(() => undefined);
}
