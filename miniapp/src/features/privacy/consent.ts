import Taro from '@tarojs/taro';
import { listenForPrivacyPrompts, requestPrivacyAgreement } from '../../platform/privacy';
import { readStored, STORAGE_KEYS, writeStored } from '../../services/storage';

/**
 * The citizen's answer to the privacy guide (WeChat's 用户隐私保护指引): needed before the app
 * touches location, camera, album, microphone or the WeChat phone number. Declining is a real
 * choice: the request can still be written in words only.
 */
export type PrivacyConsent = 'agreed' | 'declined' | undefined;

const CHANGED = 'mashang:privacy-changed';
const ASK = 'mashang:privacy-ask';

export function privacyConsent(): PrivacyConsent {
  const stored = readStored<string>(STORAGE_KEYS.privacy);
  return stored === 'agreed' || stored === 'declined' ? stored : undefined;
}

function record(consent: 'agreed' | 'declined'): void {
  writeStored(STORAGE_KEYS.privacy, consent);
  Taro.eventCenter.trigger(CHANGED, consent);
}

/** Whoever waits for the open dialog's answer (several callers may wait for the same dialog). */
let waiting: Array<(agreed: boolean) => void> = [];

/** Opens the consent dialog on the page in view and resolves with the citizen's decision. */
export function askPrivacyConsent(): Promise<boolean> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    Taro.eventCenter.trigger(ASK, true);
  });
}

/** The dialog's buttons: records the decision, closes the dialog and answers everyone waiting. */
export function decidePrivacy(agreed: boolean): void {
  record(agreed ? 'agreed' : 'declined');
  const answered = waiting;
  waiting = [];
  Taro.eventCenter.trigger(ASK, false);
  answered.forEach((resolve) => resolve(agreed));
}

/**
 * Call right before a privacy interface: true when the citizen agreed, asking first if needed
 * (in WeChat, WeChat decides whether to ask and calls the listener that opens the dialog).
 */
export async function ensurePrivacyConsent(): Promise<boolean> {
  if (privacyConsent() === 'agreed') return true;
  const agreed = await requestPrivacyAgreement(askPrivacyConsent);
  if (agreed && privacyConsent() !== 'agreed') record('agreed');
  return agreed;
}

/** Once, at app start: WeChat's privacy prompts are answered by the app's dialog. */
export function watchPrivacyPrompts(): void {
  listenForPrivacyPrompts(askPrivacyConsent);
}

export function onPrivacyChanged(follow: (consent: PrivacyConsent) => void): () => void {
  Taro.eventCenter.on(CHANGED, follow);
  return () => Taro.eventCenter.off(CHANGED, follow);
}

export function onPrivacyAsked(follow: (open: boolean) => void): () => void {
  Taro.eventCenter.on(ASK, follow);
  return () => Taro.eventCenter.off(ASK, follow);
}
