import { GUIDE_SECTIONS, GUIDE_TITLE } from '../../miniapp/src/features/privacy/guide';
import { axeViolations } from './support/axe';
import { openPhone, type Phone } from './support/browser';
import { fillForm, privacyDialog, shown, submitForm, visible } from './support/citizen';
import { photoPng, seedDemoCity, type DemoCity } from './support/demo-city';
import { startStack, type Stack } from './support/stack';

/**
 * Issue 19 item 1 in the h5 build: the privacy consent dialog comes before the first use of the
 * camera, album, microphone or location, with the guide one tap away. Agreeing lets the citizen
 * go on; disagreeing leaves a text-only form that still files the request. Each story runs on a
 * fresh phone (no consent stored).
 */
describe('privacy consent in a browser', () => {
  let stack: Stack;
  let city: DemoCity;
  const errors: string[] = [];
  const phones: Phone[] = [];

  const freshPhone = async (name: string): Promise<Phone> => {
    const phone = await openPhone(`privacy-${name}`);
    phone.page.on('pageerror', (e) => errors.push(e.message));
    phones.push(phone);
    return phone;
  };

  beforeAll(async () => {
    stack = await startStack();
    city = await seedDemoCity(stack);
  });
  afterAll(async () => {
    for (const phone of phones) await phone.close();
    await stack?.close();
  });

  it('when a fresh phone taps 拍照/相册, then the dialog asks first; agreeing opens the picker, the photo uploads, and the answer is remembered', async () => {
    const phone = await freshPhone('agree');
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    const chooser = phone.page.waitForEvent('filechooser');
    await visible(phone, '＋ 拍照/相册').click();
    await privacyDialog(phone).waitFor();
    for (const button of ['查看《隐私保护指引》', '同意并继续', '不同意，只用文字反映']) await privacyDialog(phone).getByText(button, { exact: true }).waitFor();
    await phone.shot('01-dialog');
    expect(await axeViolations(phone.page)).toEqual([]);

    await privacyDialog(phone).getByText('同意并继续', { exact: true }).click();
    await (await chooser).setFiles({ name: 'pothole.png', mimeType: 'image/png', buffer: photoPng() });
    await shown(phone, '.thumb .upload-state--done').waitFor();
    expect(await privacyDialog(phone).count()).toBe(0);

    await phone.page.reload();
    const again = phone.page.waitForEvent('filechooser');
    await visible(phone, '＋ 拍照/相册').click();
    await (await again).setFiles([]);
    expect(await privacyDialog(phone).count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('when the citizen disagrees, then the form turns text-only and a text-only request is still filed', async () => {
    const phone = await freshPhone('disagree');
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    await visible(phone, '按住 说话').click();
    await privacyDialog(phone).getByText('不同意，只用文字反映', { exact: true }).click();
    await visible(phone, '您可以只用文字反映').waitFor();
    for (const gone of ['按住 说话', '＋ 拍照/相册', '获取我的位置']) expect(await visible(phone, gone).count()).toBe(0);
    await phone.shot('02-text-only');
    expect(await axeViolations(phone.page)).toEqual([]);

    const content = '四龙路公交站的候车亭玻璃碎了一地，老人小孩等车容易被划伤，请尽快清理更换。';
    await fillForm(phone, { type: 'complaint', content, contact: { name: '赵奶奶', phone: '13700002222' } });
    const no = await submitForm(phone);
    await visible(phone, '已收到您的投诉').waitFor();
    const stored = await stack.app.http.get(`/api/admin/v1/tickets/${no}`).set('Authorization', `Bearer ${city.tokens.operator}`).expect(200);
    const { ticket } = stored.body as { ticket: { content: string; attachments: unknown[] } };
    expect(ticket.content).toBe(content);
    expect(ticket.attachments).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('when a citizen who disagreed changes their mind, then the dialog asks again and agreeing brings the photo and voice buttons back', async () => {
    const phone = phones[1];
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    await visible(phone, '改为同意，使用照片和录音').click();
    await privacyDialog(phone).getByText('同意并继续', { exact: true }).click();
    await visible(phone, '＋ 拍照/相册').waitFor();
    await visible(phone, '按住 说话').waitFor();
    expect(await visible(phone, '您可以只用文字反映').count()).toBe(0);
  });

  it('when the dialog’s guide link is tapped, then the guide opens with what is collected, how it is kept and who sees it', async () => {
    const phone = await freshPhone('guide');
    await phone.page.goto(`${stack.baseUrl}/h5/pages/submit/index`);
    await visible(phone, '获取我的位置').click();
    await privacyDialog(phone).getByText('查看《隐私保护指引》', { exact: true }).click();
    await visible(phone, GUIDE_TITLE).waitFor();
    expect(phone.page.url()).toContain('/h5/sub/privacy/index');
    for (const section of GUIDE_SECTIONS) await visible(phone, section.title).waitFor();
    const text = await shown(phone, '.privacy-page').innerText();
    for (const fact of ['AES-256-GCM', '默认为您保密', '同意向承办单位提供我的姓名和电话', '承办单位就看不到您的姓名、电话和账号', '举报一律保密', '只用文字反映', '5 分钟后失效', '第十四条']) expect(text).toContain(fact);
    await phone.shot('03-guide');
    expect(await axeViolations(phone.page)).toEqual([]);
  });

  it('when the home page opens, then the guide is one tap away there too', async () => {
    const phone = phones[2];
    await phone.page.goto(`${stack.baseUrl}/h5/`);
    await visible(phone, '隐私保护指引').click();
    await visible(phone, GUIDE_TITLE).waitFor();
    expect(errors).toEqual([]);
  });
});
