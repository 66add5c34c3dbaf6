/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import { TYPE_LABELS } from '@mashang/shared';
import { fake } from './support/taro';
import { DRAFT_MAX_AGE_MS, loadDraft, saveDraft, toDraft } from '../../miniapp/src/features/submit/draft';
import { DISCLOSE_IDENTITY_TITLE, EMPTY_FORM, type FormAttachment } from '../../miniapp/src/features/submit/form';
import { STORAGE_KEYS } from '../../miniapp/src/services/storage';
import SubmitPage from '../../miniapp/src/pages/submit/index';

const attachment = (state: FormAttachment['state'], id: string): FormAttachment => ({
  id, kind: 'image', path: `blob:${id}`, mime: 'image/jpeg', size: 10, name: `${id}.jpg`, state, progress: state === 'done' ? 100 : 40, key: state === 'done' ? `c/c1/202601/${id}.jpg` : undefined,
});

describe('submit draft', () => {
  beforeEach(() => {
    fake.reset();
    jest.useFakeTimers();
  });
  afterEach(() => jest.useRealTimers());

  it('when the citizen types and leaves, then reopening the form restores the text and type and says so', async () => {
    const first = render(<SubmitPage />);
    fireEvent.click(screen.getByText(TYPE_LABELS.help));
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '楼道的灯坏了一个月了' } });
    fireEvent.change(screen.getByLabelText('电话'), { target: { value: '13912345678' } });
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    first.unmount();

    render(<SubmitPage />);
    expect(screen.getByText('已为您恢复上次没提交完的内容')).toBeTruthy();
    expect((screen.getByLabelText('反映内容') as HTMLTextAreaElement).value).toBe('楼道的灯坏了一个月了');
    expect((screen.getByLabelText('电话') as HTMLInputElement).value).toBe('13912345678');
    expect(screen.getByText(TYPE_LABELS.help).closest('[role="radio"]')?.getAttribute('aria-checked')).toBe('true');
  });

  it('when 清空重填 is pressed, then the draft is gone and the form is empty', async () => {
    saveDraft({ ...EMPTY_FORM, content: '旧的草稿内容' });
    render(<SubmitPage />);
    fireEvent.click(screen.getByText('清空重填'));
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    expect((screen.getByLabelText('反映内容') as HTMLTextAreaElement).value).toBe('');
    expect(loadDraft()).toBeUndefined();
  });

  it('when a draft from before the consent switch (v1, confidential: false) is restored, then the text comes back and the consent stays off', () => {
    const old = { ...EMPTY_FORM, discloseIdentity: undefined, confidential: false, type: 'complaint', content: '旧版本保存的草稿内容' };
    fake.storage.set(STORAGE_KEYS.draft, JSON.stringify({ v: 1, savedAt: Date.now(), form: old }));
    const restored = loadDraft();
    expect(restored?.content).toBe('旧版本保存的草稿内容');
    expect(restored?.discloseIdentity).toBe(false);
    expect(restored && 'confidential' in restored).toBe(false);
    render(<SubmitPage />);
    expect((screen.getByLabelText(DISCLOSE_IDENTITY_TITLE) as HTMLInputElement).checked).toBe(false);
  });

  it('when the citizen turned the consent on and leaves, then reopening the form shows it still on (a retried submit sends the same choice)', async () => {
    const first = render(<SubmitPage />);
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '楼道的灯坏了一个月了' } });
    fireEvent.click(screen.getByLabelText(DISCLOSE_IDENTITY_TITLE));
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    first.unmount();
    expect(loadDraft()?.discloseIdentity).toBe(true);
    render(<SubmitPage />);
    expect((screen.getByLabelText(DISCLOSE_IDENTITY_TITLE) as HTMLInputElement).checked).toBe(true);
  });

  it('when a draft is saved, then only finished uploads are kept (running or failed ones cannot resume)', () => {
    const kept = toDraft({ ...EMPTY_FORM, attachments: [attachment('done', 'a'), attachment('uploading', 'b'), attachment('failed', 'c')] });
    expect(kept.attachments.map((a) => a.id)).toEqual(['a']);
  });

  it('when a draft is older than a week, then it is not restored, unless it holds an unconfirmed submit', () => {
    const now = Date.now();
    saveDraft({ ...EMPTY_FORM, content: '很久以前的草稿' }, now - DRAFT_MAX_AGE_MS - 1);
    expect(loadDraft(now)).toBeUndefined();
    saveDraft({ ...EMPTY_FORM, content: '很久以前提交过', idempotencyKey: 'abcdefgh12345678' }, now - DRAFT_MAX_AGE_MS - 1);
    expect(loadDraft(now)?.idempotencyKey).toBe('abcdefgh12345678');
  });

  it('when a submit got no answer and the app restarts, then the restored draft keeps the idempotency key for the retry', async () => {
    fake.on('POST /api/v1/tickets', () => ({ statusCode: 0 }));
    const first = render(<SubmitPage />);
    fireEvent.click(screen.getByText(TYPE_LABELS.suggestion));
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '建议在公园多放几张长椅' } });
    fireEvent.click(screen.getByLabelText('同意隐私保护指引'));
    await act(async () => fireEvent.click(screen.getByText('提交')));
    const sentKey = (fake.requests.find((r) => r.path === '/api/v1/tickets')?.data as { idempotencyKey: string }).idempotencyKey;
    first.unmount();

    expect(loadDraft()?.idempotencyKey).toBe(sentKey);
    render(<SubmitPage />);
    expect(screen.getByText('重新提交')).toBeTruthy();
  });

  it('when the submit succeeds, then the draft is cleared', async () => {
    fake.on('POST /api/v1/tickets', () => ({ statusCode: 201, data: { ticket: { no: '20260101-000009', type: 'suggestion' } } }));
    render(<SubmitPage />);
    fireEvent.click(screen.getByText(TYPE_LABELS.suggestion));
    fireEvent.change(screen.getByLabelText('反映内容'), { target: { value: '建议在公园多放几张长椅' } });
    fireEvent.click(screen.getByLabelText('同意隐私保护指引'));
    await act(async () => fireEvent.click(screen.getByText('提交')));
    await act(async () => {
      jest.advanceTimersByTime(500);
    });
    expect(loadDraft()).toBeUndefined();
  });
});
