import { ACTION_LABELS, SATISFACTION_LABELS, STATUS_LABELS } from '@mashang/shared';
import { openPhone, type Phone } from './support/browser';
import { fillForm, openDetail, shown, submitForm, visible } from './support/citizen';
import { seedDemoCity, staffAct, type DemoCity } from './support/demo-city';
import { startStack, type Stack } from './support/stack';

/**
 * Issue 5's closed loop in headless Chromium on the h5 build: a citizen scans a demo code point,
 * files a complaint with a photo and a voice note and a consultation, finds both in 我的诉求,
 * watches staff (driven through the admin API) move the complaint along, and rates the result.
 * One phone and one database for the whole story: each step builds on the one before.
 */
describe('closed loop in a browser: scan, submit with photo and voice, staff handle it, rate', () => {
  let stack: Stack;
  let city: DemoCity;
  let phone: Phone;
  const errors: string[] = [];
  const tickets = { complaint: '', consultation: '' };

  beforeAll(async () => {
    stack = await startStack();
    city = await seedDemoCity(stack);
    phone = await openPhone('closed-loop');
    phone.page.on('pageerror', (e) => errors.push(e.message));
  });
  afterAll(async () => {
    await phone?.close();
    await stack?.close();
  });

  it('when the demo code point is scanned, then its place and unit show and the form starts pre-filled', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/scan/index?scene=demo-renminlu`);
    await visible(phone, '人民路街道·锦绣花园小区南门').waitFor();
    await visible(phone, /负责单位：/).waitFor();
    await phone.shot('01-scan');
    await visible(phone, '开始反映').click();
    await shown(phone, '.banner--scene').waitFor();
    expect(phone.page.url()).toContain('/h5/pages/submit/index?scene=demo-renminlu');
  });

  it('when a complaint with a voice note and a photo is submitted, then the uploads finish and the number is shown', async () => {
    await fillForm(phone, {
      type: 'complaint',
      content: '小区南门外人行道上有一个大坑，晚上老人经过容易摔倒，已经两个星期没人修。',
      voice: true,
      photo: true,
      contact: { name: '王大爷', phone: '13912345678' },
    });
    await phone.shot('02-complaint-filled');
    // Contrast for old eyes: the enabled submit button is white on red, not faded.
    expect(await visible(phone, '提交').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(255, 255, 255)');
    tickets.complaint = await submitForm(phone);
    expect(tickets.complaint).toMatch(/^\d{8}-\d{6}$/);
    await visible(phone, '已收到您的投诉').waitFor();
    await phone.shot('03-complaint-success');
    const stored = await stack.app.http.get(`/api/admin/v1/tickets/${tickets.complaint}`).set('Authorization', `Bearer ${city.tokens.operator}`).expect(200);
    const { ticket } = stored.body as { ticket: { attachments: Array<{ kind: string; mime: string }> } };
    expect(ticket.attachments.map((a) => `${a.kind} ${a.mime}`).sort()).toEqual(['image image/png', 'voice audio/mp4']);
  });

  it('when a consultation is filed from the home page, then it is accepted as well', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/`);
    await visible(phone, '我要反映').click();
    await fillForm(phone, { type: 'consultation', content: '请问老年人办理公交卡需要带哪些材料，到哪里办？' });
    tickets.consultation = await submitForm(phone);
    await visible(phone, '已收到您的咨询').waitFor();
  });

  it('when 我的诉求 opens, then both requests are listed with their status', async () => {
    await phone.page.goto(`${stack.baseUrl}/h5/pages/mine/index`);
    for (const no of Object.values(tickets)) await shown(phone, `.ticket-card[data-no="${no}"]`).waitFor();
    await visible(phone, '投诉').waitFor();
    await visible(phone, '咨询').waitFor();
    await phone.shot('04-mine');
  });

  it('when the detail page opens, then the photo and the voice note are there', async () => {
    await shown(phone, `.ticket-card[data-no="${tickets.complaint}"]`).click();
    await visible(phone, '办理记录').waitFor();
    await shown(phone, 'img.thumb__img, .thumb__img img').waitFor();
    await visible(phone, /播放语音/).waitFor();
    await phone.shot('05-detail-submitted');
  });

  it('when staff accept, dispatch to the street and the street signs, then the page shows each step and the unit', async () => {
    const no = tickets.complaint;
    await staffAct(stack, city, 'operator', no, 'accept');
    await staffAct(stack, city, 'dispatcher', no, 'dispatch', { leadUnit: city.org.units.renminluStreet, note: '请人民路街道核实处理' });
    await staffAct(stack, city, 'renminluHandler', no, 'sign');
    await openDetail(phone, stack.baseUrl, no);
    for (const action of ['accept', 'dispatch', 'sign'] as const) await visible(phone, ACTION_LABELS[action]).first().waitFor();
    await visible(phone, '人民路街道').first().waitFor();
    await shown(phone, '.chip').filter({ hasText: STATUS_LABELS.handling }).waitFor();
    await phone.shot('06-detail-handling');
  });

  it('when the citizen left the name-and-phone consent off, then the street sees no contact and the page says it is kept confidential (004 §14)', async () => {
    const no = tickets.complaint;
    const seen = await stack.app.http.get(`/api/admin/v1/tickets/${no}`).set('Authorization', `Bearer ${city.tokens.renminluHandler}`).expect(200);
    const { ticket } = seen.body as { ticket: { confidential: boolean; contact: unknown } };
    expect(ticket).toMatchObject({ confidential: true, contact: null });
    expect(JSON.stringify(seen.body)).not.toContain('王大爷');
    await visible(phone, '已为您保密，承办单位看不到').waitFor();
  });

  it('when the street replies and the platform approves, then the result shows and the rating form appears', async () => {
    const no = tickets.complaint;
    await staffAct(stack, city, 'renminluHandler', no, 'reply', { result: '已于当天下午用沥青把坑补平，并在旁边设了提示牌。' });
    await staffAct(stack, city, 'operator', no, 'review', { approve: true });
    await openDetail(phone, stack.baseUrl, no);
    await visible(phone, '已于当天下午用沥青把坑补平，并在旁边设了提示牌。').waitFor();
    await visible(phone, '提交评价').waitFor();
    await phone.shot('07-detail-to-rate');
  });

  it('when the citizen rates satisfied, then the request is closed and the rating is shown', async () => {
    await visible(phone, SATISFACTION_LABELS.satisfied).click();
    await visible(phone, '提交评价').click();
    await shown(phone, '.chip').filter({ hasText: STATUS_LABELS.closed }).waitFor();
    await visible(phone, '您的评价').waitFor();
    expect(await visible(phone, '提交评价').count()).toBe(0);
    await visible(phone, '您的评价').scrollIntoViewIfNeeded();
    await phone.shot('08-detail-closed');
  });

  it('when the consultation is answered, then the answer shows and it can be rated too', async () => {
    const no = tickets.consultation;
    await staffAct(stack, city, 'operator', no, 'answer', { answer: '带身份证原件到市公交公司服务大厅办理，65 岁以上免费。' });
    await openDetail(phone, stack.baseUrl, no);
    await visible(phone, '带身份证原件到市公交公司服务大厅办理，65 岁以上免费。').waitFor();
    await visible(phone, SATISFACTION_LABELS.basic).click();
    await visible(phone, '提交评价').click();
    await shown(phone, '.chip').filter({ hasText: STATUS_LABELS.closed }).waitFor();
    await phone.shot('09-consultation-closed');
    expect(errors).toEqual([]);
  });
});
