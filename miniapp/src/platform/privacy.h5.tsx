import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import type { PrivacyAgreeButtonProps, PrivacyAsk } from './types';

/** The browser has no privacy prompt of its own to answer: the app asks before it uses one (below). */
export function listenForPrivacyPrompts(_ask: PrivacyAsk): void {}

/** Before the browser's location, camera, file picker or microphone: the app's dialog asks. */
export function requestPrivacyAgreement(ask: PrivacyAsk): Promise<boolean> {
  return ask();
}

/** The project's own guide page (the text a city pastes into the WeChat console). */
export function openPrivacyGuide(): void {
  void Taro.navigateTo({ url: '/sub/privacy/index' });
}

export function PrivacyAgreeButton({ onAgree, children, className }: PrivacyAgreeButtonProps) {
  return (
    <Button className={className} onClick={onAgree}>
      {children}
    </Button>
  );
}
