import type { Locator } from 'playwright-core';
import type { TicketType } from '@mashang/shared';
import type { Phone } from './browser';
import { DISCLOSE_IDENTITY_TITLE } from '../../../miniapp/src/features/submit/form';
import { photoPng } from './demo-city';

/** Taro's h5 router keeps earlier pages in the DOM (hidden): look only at what the citizen sees. */
export const visible = (phone: Phone, text: string | RegExp): Locator => phone.page.getByText(text, typeof text === 'string' ? { exact: true } : {}).filter({ visible: true });

/** A switch by its accessible name (Taro's h5 switch: the labelled checkbox inside taro-switch-core). */
export const switchNamed = (phone: Phone, name: string): Locator => phone.page.getByRole('checkbox', { name, exact: true }).filter({ visible: true });

/** The first visible element matching a CSS selector. */
export const shown = (phone: Phone, selector: string): Locator => phone.page.locator(selector).filter({ visible: true }).first();

export interface FormFill {
  type: TicketType;
  content: string;
  contact?: { name: string; phone: string };
  /** Turns on 同意向承办单位提供我的姓名和电话 (off by default: the request stays confidential). */
  disclose?: boolean;
  photo?: boolean;
  voice?: boolean;
}

/** The privacy consent dialog (the h5 app asks before the first camera, album, microphone or location use). */
export const privacyDialog = (phone: Phone): Locator => phone.page.getByRole('dialog', { name: '请先阅读隐私保护指引' }).filter({ visible: true });

/** A wait that may lose a race: its later timeout is nobody's failure. */
const settled = (wait: Promise<unknown>): Promise<unknown> => wait.catch(() => undefined);

/** Agrees in the privacy dialog when it is open (it is, the first time on a fresh phone). */
async function agreeIfAsked(phone: Phone): Promise<void> {
  if (await privacyDialog(phone).count()) await privacyDialog(phone).getByText('同意并继续', { exact: true }).click();
}

/** Adds one generated photo through the browser's file picker (agreeing to the guide first if asked); waits until it is uploaded. */
export async function addPhoto(phone: Phone): Promise<void> {
  const chooser = phone.page.waitForEvent('filechooser');
  await visible(phone, '＋ 拍照/相册').click();
  await Promise.race([chooser, settled(privacyDialog(phone).waitFor())]);
  await agreeIfAsked(phone);
  await (await chooser).setFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: photoPng() });
  await shown(phone, '.thumb .upload-state--done').waitFor();
}

/** Click to start (a first click may only open the privacy dialog: agree, click again), wait two seconds, click to stop; waits for the upload. */
export async function recordVoice(phone: Phone): Promise<void> {
  await visible(phone, '按住 说话').click();
  await Promise.race([settled(visible(phone, /正在录音/).waitFor()), settled(privacyDialog(phone).waitFor())]);
  if (await privacyDialog(phone).count()) {
    await agreeIfAsked(phone);
    await visible(phone, '按住 说话').click();
  }
  await visible(phone, /正在录音 2 秒/).waitFor();
  await visible(phone, /正在录音/).click();
  await shown(phone, '.voice-field .upload-state--done').waitFor();
}

/** Fills the submit form the way a citizen does (type, text, media, contact, identity consent if asked, privacy consent). */
export async function fillForm(phone: Phone, fill: FormFill): Promise<void> {
  await shown(phone, `.type-option[data-type="${fill.type}"]`).click();
  await shown(phone, 'textarea').fill(fill.content);
  if (fill.voice) await recordVoice(phone);
  if (fill.photo) await addPhoto(phone);
  if (fill.contact) {
    await shown(phone, 'input[placeholder="您的姓名"]').fill(fill.contact.name);
    await shown(phone, 'input[placeholder="手机号或带区号的电话"]').fill(fill.contact.phone);
  }
  if (fill.disclose) await switchNamed(phone, DISCLOSE_IDENTITY_TITLE).click();
  await switchNamed(phone, '同意隐私保护指引').click();
}

/** Presses 提交 and waits for the success page; returns the ticket number it shows. */
export async function submitForm(phone: Phone): Promise<string> {
  await visible(phone, '提交').click();
  const no = shown(phone, '.success__no');
  await no.waitFor();
  return (await no.innerText()).trim();
}

/** Opens a ticket's detail page straight from its address (as a shared link would). */
export async function openDetail(phone: Phone, baseUrl: string, no: string): Promise<void> {
  await phone.page.goto(`${baseUrl}/h5/sub/ticket/detail/index?no=${encodeURIComponent(no)}`);
  await visible(phone, '办理记录').waitFor();
}
