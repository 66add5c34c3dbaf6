/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CONTENT_LIMITS, createTicketSchema, TYPE_HINTS, TYPE_LABELS } from '@mashang/shared';
import { fake, type FakeRequest } from './support/taro';
import { DISCLOSE_IDENTITY_TITLE, EMPTY_FORM, validateSubmit, VOICE_ONLY_CONTENT, type FormAttachment, type SubmitForm } from '../../miniapp/src/features/submit/form';
import SubmitPage from '../../miniapp/src/pages/submit/index';

const KEY = 'abcdefgh12345678';
const done = (over: Partial<FormAttachment> = {}): FormAttachment => ({
  id: 'a1', kind: 'image', path: 'blob:1', mime: 'image/jpeg', size: 1000, name: 'p.jpg', state: 'done', progress: 100, key: 'c/c1/202601/aa.jpg', ...over,
});
const form = (over: Partial<SubmitForm> = {}): SubmitForm => ({ ...EMPTY_FORM, type: 'consultation', content: '请问社保卡怎么补办？', consent: true, ...over });

describe('submit form rules (validateSubmit)', () => {
  it('when nothing is filled in, then type, content and consent are each asked for in plain Chinese', () => {
    const r = validateSubmit(EMPTY_FORM, KEY);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.type).toBe('请选择您要反映的类型');
    expect(r.errors.content).toContain(String(CONTENT_LIMITS.min));
    expect(r.errors.consent).toContain('同意');
  });

  it('when the text is shorter than the shared minimum, then it is refused; at the minimum it passes', () => {
    expect(validateSubmit(form({ content: 'a'.repeat(CONTENT_LIMITS.min - 1) }), KEY).ok).toBe(false);
    expect(validateSubmit(form({ content: 'a'.repeat(CONTENT_LIMITS.min) }), KEY).ok).toBe(true);
  });

  it('when only a voice note is given, then the text says so and the payload passes the shared schema', () => {
    const r = validateSubmit(form({ content: '', attachments: [done({ kind: 'voice', mime: 'audio/mpeg', key: 'c/c1/202601/bb.mp3', duration: 12 })] }), KEY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.payload.content.startsWith(VOICE_ONLY_CONTENT)).toBe(true);
    expect(r.payload.attachments).toEqual(['c/c1/202601/bb.mp3']);
  });

  it('when a file is still uploading or failed, then submit waits or asks to remove it', () => {
    const uploading = validateSubmit(form({ attachments: [done({ state: 'uploading', key: undefined })] }), KEY);
    const failed = validateSubmit(form({ attachments: [done({ state: 'failed', key: undefined })] }), KEY);
    expect(!uploading.ok && uploading.errors.attachments).toContain('正在上传');
    expect(!failed.ok && failed.errors.attachments).toContain('没有上传成功');
  });

  it('when a complaint has no contact, then name and phone are asked for (000 §14: the platform must reach the citizen)', () => {
    const r = validateSubmit(form({ type: 'complaint' }), KEY);
    expect(!r.ok && r.errors.contact).toContain('电话');
  });

  it('when the phone is not a valid number, then the shared phone rule answers in Chinese', () => {
    const r = validateSubmit(form({ type: 'complaint', contactName: '张三', contactPhone: '12345' }), KEY);
    expect(!r.ok && r.errors.contact).toMatch(/手机号|电话/);
  });

  it('when everything is valid, then the payload is exactly what the shared createTicketSchema accepts', () => {
    const r = validateSubmit(form({ type: 'complaint', contactName: '张三', contactPhone: '13912345678', address: '人民路 12 号', point: { lat: 36.5, lng: 104.1 }, scene: 'demo01', discloseIdentity: true, attachments: [done()] }), KEY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(createTicketSchema.parse(r.payload)).toEqual(r.payload);
    expect(r.payload).toMatchObject({ type: 'complaint', idempotencyKey: KEY, scene: 'demo01', discloseIdentity: true, location: { address: '人民路 12 号', lat: 36.5, lng: 104.1 }, contact: { name: '张三', phone: '13912345678' } });
  });

  it('when the citizen has not agreed to give name and phone, then discloseIdentity: false is sent and no old confidential flag (confidential by default, 004 §14)', () => {
    const r = validateSubmit(form({ type: 'complaint', contactName: '张三', contactPhone: '13912345678' }), KEY);
    expect(r.ok && r.payload.discloseIdentity).toBe(false);
    expect(r.ok && 'confidential' in r.payload).toBe(false);
  });

  it('when a 举报 somehow carries the consent, then it is still sent as not disclosed (a 举报 is always confidential)', () => {
    const r = validateSubmit(form({ type: 'report', contactName: '张三', contactPhone: '13912345678', discloseIdentity: true }), KEY);
    expect(r.ok && r.payload.discloseIdentity).toBe(false);
  });
});

describe('submit page', () => {
  beforeEach(() => fake.reset());

  const fillValidConsultation = () => {
    fireEvent.click(screen.getByText(TYPE_LABELS.consultation));
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '请问社保卡丢了怎么补办？' } });
    fireEvent.click(screen.getByLabelText('同意隐私保护指引'));
  };
  const submits = () => fake.requests.filter((r: FakeRequest) => r.method === 'POST' && r.path === '/api/v1/tickets');

  it('when the page opens, then the five types are offered with their one-line explanations from shared', () => {
    render(<SubmitPage />);
    for (const type of ['consultation', 'help', 'complaint', 'report', 'suggestion'] as const) {
      expect(screen.getByText(TYPE_LABELS[type])).toBeTruthy();
      expect(screen.getByText(TYPE_HINTS[type])).toBeTruthy();
    }
  });

  it('when the page opens, then the consent to give the unit name and phone is offered switched off, saying the unit sees neither without it', () => {
    render(<SubmitPage />);
    const consent = screen.getByLabelText(DISCLOSE_IDENTITY_TITLE) as HTMLInputElement;
    expect(consent.checked).toBe(false);
    expect(screen.getByText(/不打开：承办单位看不到您的姓名和电话/)).toBeTruthy();
    expect(screen.queryByText('为我保密')).toBeNull();
  });

  it('when 举报 is chosen, then no consent switch is offered and the page says a report is always kept confidential', () => {
    render(<SubmitPage />);
    fireEvent.click(screen.getByText(TYPE_LABELS.report));
    expect(screen.queryByLabelText(DISCLOSE_IDENTITY_TITLE)).toBeNull();
    expect(screen.getByText('举报人的姓名和电话一律保密')).toBeTruthy();
    fireEvent.click(screen.getByText(TYPE_LABELS.complaint));
    expect(screen.getByLabelText(DISCLOSE_IDENTITY_TITLE)).toBeTruthy();
  });

  it('when the citizen turns the consent on and submits, then the request carries discloseIdentity: true; left off, it carries false', async () => {
    fake.on('POST /api/v1/tickets', () => ({ statusCode: 201, data: { ticket: { no: '20260101-000003', type: 'consultation' } } }));
    const page = render(<SubmitPage />);
    fillValidConsultation();
    await act(async () => fireEvent.click(screen.getByText('提交')));
    page.unmount();
    render(<SubmitPage />);
    fillValidConsultation();
    fireEvent.click(screen.getByLabelText(DISCLOSE_IDENTITY_TITLE));
    await act(async () => fireEvent.click(screen.getByText('提交')));
    await waitFor(() => expect(submits()).toHaveLength(2));
    expect(submits().map((r) => (r.data as { discloseIdentity?: boolean }).discloseIdentity)).toEqual([false, true]);
  });

  it('when submit is pressed on an empty form, then the errors show and nothing is sent', async () => {
    render(<SubmitPage />);
    await act(async () => fireEvent.click(screen.getByText('提交')));
    expect(screen.getByText('请选择您要反映的类型')).toBeTruthy();
    expect(submits()).toHaveLength(0);
  });

  it('when the text is typed, then the counter shows the length against the shared maximum', () => {
    render(<SubmitPage />);
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '路灯坏了' } });
    expect(screen.getByText(`4/${CONTENT_LIMITS.max}`)).toBeTruthy();
  });

  it('when the network drops during submit, then the retry sends the same idempotency key and success opens the ticket number', async () => {
    let attempt = 0;
    fake.on('POST /api/v1/tickets', () => (++attempt === 1 ? { statusCode: 0 } : { statusCode: 201, data: { ticket: { no: '20260101-000001', type: 'consultation' } } }));
    render(<SubmitPage />);
    fillValidConsultation();
    await act(async () => fireEvent.click(screen.getByText('提交')));
    expect(await screen.findByText('网络不通，请检查网络后再试')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByText('重新提交')));
    await waitFor(() => expect(fake.navigations).toContainEqual({ kind: 'redirectTo', url: '/pages/success/index?no=20260101-000001&type=consultation' }));
    const [first, second] = submits().map((r) => (r.data as { idempotencyKey: string }).idempotencyKey);
    expect(first).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(second).toBe(first);
    expect(submits()[0].header.Authorization).toBe('Bearer token-1');
  });

  it('when the token has expired, then the app logs in again silently and the submit goes through once', async () => {
    fake.storage.set('mashang:token', JSON.stringify('old-token'));
    fake.on('POST /api/v1/tickets', (req) =>
      req.header.Authorization === 'Bearer old-token' ? { statusCode: 401, data: { error: { code: 'UNAUTHORIZED', message: 'expired' } } } : { statusCode: 201, data: { ticket: { no: '20260101-000002', type: 'consultation' } } },
    );
    render(<SubmitPage />);
    fillValidConsultation();
    await act(async () => fireEvent.click(screen.getByText('提交')));
    await waitFor(() => expect(fake.navigations.map((n) => n.url)).toContain('/pages/success/index?no=20260101-000002&type=consultation'));
    expect(fake.requests.filter((r) => r.path === '/api/v1/auth/wechat')).toHaveLength(1);
    expect(submits().map((r) => r.header.Authorization)).toEqual(['Bearer old-token', 'Bearer token-1']);
  });

  it('when a consultation is typed, then matching knowledge answers are suggested', async () => {
    jest.useFakeTimers();
    try {
      fake.on('GET /api/v1/knowledge/suggest', (req) => ({ statusCode: 200, data: { items: [{ id: 'k1', question: `${req.query.q}：到社保窗口补办` }] } }));
      render(<SubmitPage />);
      fireEvent.click(screen.getByText(TYPE_LABELS.consultation));
      fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '社保卡补办' } });
      await act(async () => {
        jest.advanceTimersByTime(700);
      });
      expect(await screen.findByText('社保卡补办：到社保窗口补办')).toBeTruthy();
    } finally {
      jest.useRealTimers();
    }
  });
});
