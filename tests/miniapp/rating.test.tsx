/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { SATISFACTION_LABELS } from '@mashang/shared';
import { fake } from './support/taro';
import { buildTicket } from './support/tickets';
import { RatingForm } from '../../miniapp/src/features/ticket/rating-form';
import TicketDetailPage from '../../miniapp/src/sub/ticket/detail/index';

const NO = '20260315-000042';
const visiting = buildTicket({
  status: 'visiting',
  version: 7,
  result: '路灯已于 3 月 20 日修复。',
  allowedActions: ['rate'],
  timeline: [...buildTicket().timeline!, { at: '2026-03-20T01:00:00.000Z', action: 'reply', actor: { kind: 'staff' }, from: 'handling', to: 'replied' }, { at: '2026-03-20T02:00:00.000Z', action: 'review', actor: { kind: 'staff' }, from: 'replied', to: 'visiting' }],
});

describe('rating (一事一评, 002 §28)', () => {
  beforeEach(() => {
    fake.reset();
    fake.params = { no: NO };
  });

  it('when no choice is made, then the form asks for one and does not send', async () => {
    const onRate = jest.fn(async () => undefined);
    render(<RatingForm onRate={onRate} />);
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(screen.getByText('请先选择满意、基本满意或不满意')).toBeTruthy();
    expect(onRate).not.toHaveBeenCalled();
  });

  it('when the three choices are shown, then they are the shared satisfaction labels', () => {
    render(<RatingForm onRate={async () => undefined} />);
    expect(screen.getAllByRole('radio').map((r) => r.textContent?.replace(/[^\u4e00-\u9fa5]/g, ''))).toEqual([SATISFACTION_LABELS.satisfied, SATISFACTION_LABELS.basic, SATISFACTION_LABELS.unsatisfied]);
  });

  it('when unsatisfied is chosen, then the comment box asks what is still wrong and the comment is sent', async () => {
    const onRate = jest.fn(async () => undefined);
    render(<RatingForm onRate={onRate} />);
    fireEvent.click(screen.getByText(SATISFACTION_LABELS.unsatisfied));
    expect(screen.getByPlaceholderText('请说说哪里还没解决，我们会安排重新办理')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('评价意见'), { target: { value: '  晚上还是不亮  ' } });
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    expect(onRate).toHaveBeenCalledWith({ satisfaction: 'unsatisfied', comment: '晚上还是不亮' });
  });

  it('when a ticket waits for rating, then the detail page rates it with If-Match of its version and shows the new state', async () => {
    let current = visiting;
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: current }));
    fake.on(`POST /api/v1/tickets/${NO}/rate`, (req) => {
      current = buildTicket({ ...visiting, status: 'closed', version: 8, allowedActions: [], rating: { satisfaction: 'satisfied' }, timeline: [...visiting.timeline!, { at: '2026-03-21T01:00:00.000Z', action: 'rate', actor: { kind: 'citizen' }, from: 'visiting', to: 'closed' }] });
      return { statusCode: 200, data: { ticket: current, echo: req.data } };
    });
    render(<TicketDetailPage />);
    expect(await screen.findByText('路灯已于 3 月 20 日修复。')).toBeTruthy();
    fireEvent.click(screen.getByText(SATISFACTION_LABELS.satisfied));
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    await waitFor(() => expect(screen.queryByText('提交评价')).toBeNull());
    const rate = fake.requests.find((r) => r.path.endsWith('/rate'));
    expect(rate?.header['If-Match']).toBe('7');
    expect(rate?.data).toEqual({ satisfaction: 'satisfied' });
    expect(screen.getAllByText('已办结').length).toBeGreaterThan(0);
    expect(screen.getByText('您的评价').nextSibling?.textContent).toBe(SATISFACTION_LABELS.satisfied);
  });

  it('when the citizen already rated this round (unsatisfied, waiting for staff), then no second rating is offered', async () => {
    const rated = buildTicket({ ...visiting, allowedActions: [], rating: { satisfaction: 'unsatisfied' }, timeline: [...visiting.timeline!, { at: '2026-03-21T01:00:00.000Z', action: 'rate', actor: { kind: 'citizen' }, from: 'visiting', to: 'visiting' }] });
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: rated }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('办理记录')).toBeTruthy();
    expect(screen.queryByText('提交评价')).toBeNull();
  });

  it('when the rating is refused by the BFF, then a short Chinese message is shown', async () => {
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: visiting }));
    fake.on(`POST /api/v1/tickets/${NO}/rate`, () => ({ statusCode: 412, data: { error: { code: 'VERSION_MISMATCH', message: 'stale' } } }));
    render(<TicketDetailPage />);
    fireEvent.click(await screen.findByText(SATISFACTION_LABELS.basic));
    await act(async () => fireEvent.click(screen.getByText('提交评价')));
    await waitFor(() => expect(fake.toasts).toContain('内容刚刚有变化，请刷新后再试'));
  });
});
