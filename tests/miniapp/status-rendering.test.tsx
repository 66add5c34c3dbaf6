/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ACTION_LABELS, REJECT_REASON_LABELS, STATUS_LABELS, TERMINATION_REASON_CODES, TERMINATION_REASON_LABELS, TICKET_STATUSES, TYPE_LABELS } from '@mashang/shared';
import { fake } from './support/taro';
import { buildTicket } from './support/tickets';
import { StatusChip } from '../../miniapp/src/components/status-chip';
import { Timeline } from '../../miniapp/src/features/ticket/timeline';
import { citizenActions } from '../../miniapp/src/features/ticket/citizen-actions';
import TicketDetailPage from '../../miniapp/src/sub/ticket/detail/index';
import MinePage from '../../miniapp/src/pages/mine/index';

const NO = '20260315-000042';

describe('status rendering', () => {
  beforeEach(() => {
    fake.reset();
    fake.params = { no: NO };
  });

  it.each(TICKET_STATUSES)('when the status is %s, then the chip shows its shared Chinese label', (status) => {
    render(<StatusChip status={status} />);
    expect(screen.getByText(STATUS_LABELS[status])).toBeTruthy();
  });

  it('when an open ticket is overdue, then a 已超期 badge shows; a finished one never shows it', () => {
    const { rerender } = render(<StatusChip status='handling' overdue />);
    expect(screen.getByText('已超期')).toBeTruthy();
    rerender(<StatusChip status='closed' overdue />);
    expect(screen.queryByText('已超期')).toBeNull();
  });

  it('when the timeline is shown, then each step reads in plain Chinese (ACTION_LABELS), newest first, with who and the note', () => {
    render(<Timeline entries={buildTicket().timeline!} />);
    const actions = screen.getAllByText((_, el) => el?.className === 'timeline__action').map((e) => e.textContent);
    expect(actions).toEqual([ACTION_LABELS.sign, ACTION_LABELS.dispatch, ACTION_LABELS.accept, ACTION_LABELS.submit]);
    expect(screen.getByText('请城管局处理')).toBeTruthy();
    expect(screen.getByText(/白银区城市管理局/)).toBeTruthy();
    expect(screen.getByText(/· 您/)).toBeTruthy();
  });

  it('when two steps share a timestamp, then the later recorded one is shown first', () => {
    const at = '2026-03-20T02:00:00.000Z';
    render(<Timeline entries={[{ at, action: 'review', actor: { kind: 'staff' }, from: 'replied', to: 'visiting' }, { at, action: 'rate', actor: { kind: 'citizen' }, from: 'visiting', to: 'closed' }]} />);
    const actions = screen.getAllByText((_, el) => el?.className === 'timeline__action').map((e) => e.textContent);
    expect(actions).toEqual([ACTION_LABELS.rate, ACTION_LABELS.review]);
  });

  it('when the BFF sends allowedActions, then the buttons follow it (e.g. no second rating in a round)', () => {
    expect(citizenActions('visiting', [], ['rate', 'follow'])).toEqual(['rate']);
    expect(citizenActions('visiting', [], [])).toEqual([]);
  });

  it('when the citizen actions are derived without allowedActions, then they follow the shared state machine rows for the citizen', () => {
    expect(citizenActions('supplementing')).toEqual(['supplement', 'withdraw']);
    expect(citizenActions('handling')).toEqual(['withdraw']);
    expect(citizenActions('visiting')).toEqual(['rate']);
    expect(citizenActions('replied')).toEqual([]);
    expect(citizenActions('closed')).toEqual([]);
  });

  it('when a request was not accepted, then the detail page shows the reason label and the operator note (002 §18)', async () => {
    const rejected = buildTicket({
      status: 'rejected',
      leadUnit: null,
      leadUnitName: null,
      allowedActions: [],
      rejectReason: { code: 'civil-dispute', note: '请通过人民调解解决' },
      timeline: [
        buildTicket().timeline![0],
        { at: '2026-03-15T02:00:00.000Z', action: 'reject', actor: { kind: 'staff' }, from: 'submitted', to: 'rejected', note: '请通过人民调解解决' },
      ],
    });
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: rejected }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('不予受理的原因')).toBeTruthy();
    expect(screen.getByText(`${REJECT_REASON_LABELS['civil-dispute']}：请通过人民调解解决`)).toBeTruthy();
    expect(screen.queryByText('撤回这件诉求')).toBeNull();
  });

  it('when handling was terminated, then the termination reason is shown', async () => {
    const code = TERMINATION_REASON_CODES[0];
    const terminated = buildTicket({
      status: 'terminated',
      allowedActions: [],
      termination: { code, note: '已多次解释' },
      timeline: [...buildTicket().timeline!, { at: '2026-03-18T02:00:00.000Z', action: 'terminate', actor: { kind: 'staff' }, from: 'handling', to: 'terminated', note: '已多次解释' }],
    });
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: terminated }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('终止办理的原因')).toBeTruthy();
    expect(screen.getByText(`${TERMINATION_REASON_LABELS[code]}：已多次解释`)).toBeTruthy();
  });

  it.each([
    ['a confidential complaint', { confidential: true }, '已为您保密，承办单位看不到'],
    ['a 举报', { type: 'report' as const, confidential: true }, '举报一律保密，承办单位看不到'],
    ['a request whose citizen agreed to be known', { confidential: false }, '您已同意提供给承办单位'],
  ])('when the detail shows %s, then it says truthfully who sees the name and phone', async (_, over, text) => {
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: buildTicket(over) }));
    render(<TicketDetailPage />);
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.getByText('姓名电话')).toBeTruthy();
  });

  it('when the citizen withdraws and confirms, then the withdraw is sent with If-Match; cancelling sends nothing', async () => {
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: buildTicket() }));
    fake.on(`POST /api/v1/tickets/${NO}/withdraw`, () => ({ statusCode: 200, data: { ticket: buildTicket({ status: 'withdrawn' }) } }));
    render(<TicketDetailPage />);
    const withdraw = await screen.findByText('撤回这件诉求');
    fake.modalConfirm = false;
    await act(async () => fireEvent.click(withdraw));
    expect(fake.requests.some((r) => r.path.endsWith('/withdraw'))).toBe(false);
    fake.modalConfirm = true;
    await act(async () => fireEvent.click(screen.getByText('撤回这件诉求')));
    await waitFor(() => expect(fake.requests.find((r) => r.path.endsWith('/withdraw'))?.header['If-Match']).toBe('4'));
  });

  it('when the ticket cannot be loaded for lack of network, then the page says 网络不通 and offers a retry', async () => {
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 0 }));
    render(<TicketDetailPage />);
    expect(await screen.findByText('网络不通')).toBeTruthy();
    fake.on(`GET /api/v1/tickets/${NO}`, () => ({ statusCode: 200, data: buildTicket() }));
    await act(async () => fireEvent.click(screen.getByText('重新加载')));
    expect(await screen.findByText('您反映的内容')).toBeTruthy();
  });

  it('when my requests are listed, then each shows its type, status chip and overdue badge; the filter asks the BFF by status', async () => {
    fake.on('GET /api/v1/tickets', (req) => ({
      statusCode: 200,
      data: { items: req.query.status === 'visiting' ? [] : [buildTicket({ overdue: true }), buildTicket({ no: '20260316-000043', type: 'consultation', status: 'closed' })], nextCursor: null },
    }));
    render(<MinePage />);
    expect(await screen.findByText(TYPE_LABELS.complaint)).toBeTruthy();
    expect(screen.getByText('已超期')).toBeTruthy();
    expect(screen.getAllByText(STATUS_LABELS.closed).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('tab', { name: STATUS_LABELS.visiting }));
    expect(await screen.findByText(`没有「${STATUS_LABELS.visiting}」的诉求`)).toBeTruthy();
    expect(fake.requests.at(-1)?.query.status).toBe('visiting');
  });
});
