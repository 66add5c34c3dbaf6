import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import type { PrivacyAgreeButtonProps, PrivacyAsk } from './types';

/** The id WeChat checks: `resolve({event: 'agree', buttonId})` is accepted only after this very button was tapped. */
const AGREE_BUTTON_ID = 'privacy-agree';

/** The guide's own page, for when WeChat cannot open the one configured in its console. */
const GUIDE_PAGE = '/sub/privacy/index';

/**
 * WeChat holds back a privacy interface (chooseLocation, chooseMedia, the recorder, the phone
 * button…) until the citizen agreed to the guide, and asks the mini-program to show its prompt:
 * the app's own dialog answers, and WeChat carries on or fails the call.
 */
export function listenForPrivacyPrompts(ask: PrivacyAsk): void {
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    void ask().then((agreed) => resolve(agreed ? { event: 'agree', buttonId: AGREE_BUTTON_ID } : { event: 'disagree' }));
  });
}

/** Asks WeChat whether the citizen agreed; when not, WeChat calls the listener above, which shows the dialog. */
export function requestPrivacyAgreement(_ask: PrivacyAsk): Promise<boolean> {
  if (typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve(true);
  return new Promise((resolve) => Taro.requirePrivacyAuthorize({ success: () => resolve(true), fail: () => resolve(false) }));
}

/** The guide as configured in the WeChat console (mp 后台 → 设置 → 服务内容声明 → 用户隐私保护指引). */
export function openPrivacyGuide(): void {
  Taro.openPrivacyContract({ fail: () => void Taro.navigateTo({ url: GUIDE_PAGE }) });
}

/** WeChat's agree button (open-type agreePrivacyAuthorization): only its tap counts as consent. */
export function PrivacyAgreeButton({ onAgree, children, className }: PrivacyAgreeButtonProps) {
  return (
    <Button id={AGREE_BUTTON_ID} className={className} openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={onAgree}>
      {children}
    </Button>
  );
}
