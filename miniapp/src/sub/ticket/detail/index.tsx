import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ReactNode } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { SATISFACTION_LABELS, TYPE_LABELS } from '@mashang/shared';
import { PageShell } from '../../../components/page-shell';
import { StatusChip } from '../../../components/status-chip';
import { ErrorState, Loading } from '../../../components/state-views';
import { AttachmentsView } from '../../../features/ticket/attachments-view';
import { citizenActions } from '../../../features/ticket/citizen-actions';
import { RatingForm } from '../../../features/ticket/rating-form';
import { SupplementForm } from '../../../features/ticket/supplement-form';
import { Timeline, reasonText } from '../../../features/ticket/timeline';
import { latestEntry } from '../../../features/ticket/ticket-text';
import { useRemote } from '../../../hooks/use-remote';
import { getTicket, rateTicket, supplementTicket, withdrawTicket } from '../../../services/api';
import { messageOf } from '../../../services/errors';
import { formatDateTime } from '../../../services/format';
import type { TicketView } from '../../../services/types';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='row'>
      <Text className='row__label'>{label}</Text>
      <Text className='row__value'>{children}</Text>
    </View>
  );
}

/** Who sees the citizen's name and phone (004 §14): the units only with the citizen's consent. */
function identityText(ticket: TicketView): string {
  if (ticket.confidential) return ticket.type === 'report' ? '举报一律保密，承办单位看不到' : '已为您保密，承办单位看不到';
  return '您已同意提供给承办单位';
}

function Facts({ ticket }: { ticket: TicketView }) {
  const unit = ticket.leadUnitName;
  const reason = ticket.status === 'rejected' ? reasonText('reject', ticket.rejectReason) : reasonText('terminate', ticket.termination);
  const result = ticket.result;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{TYPE_LABELS[ticket.type]}</Text>
        <StatusChip status={ticket.status} overdue={ticket.overdue} />
      </View>
      <Row label='编号'>{ticket.no}</Row>
      <Row label='提交时间'>{formatDateTime(ticket.createdAt)}</Row>
      {unit && <Row label='办理单位'>{unit}</Row>}
      {ticket.dueAt && <Row label='办理期限'>{`${formatDateTime(ticket.dueAt)} 前`}</Row>}
      {ticket.location?.address && <Row label='地点'>{ticket.location.address}</Row>}
      {ticket.confidential !== undefined && <Row label='姓名电话'>{identityText(ticket)}</Row>}
      {(ticket.status === 'rejected' || ticket.status === 'terminated') && (
        <View className='banner banner--ended' role='note'>
          <Text className='banner__title'>{ticket.status === 'rejected' ? '不予受理的原因' : '终止办理的原因'}</Text>
          <Text className='banner__line'>{reason ?? '请查看下方的办理记录'}</Text>
        </View>
      )}
      {result && (
        <View className='result'>
          <Text className='result__title'>办理结果</Text>
          <Text className='result__text'>{result}</Text>
        </View>
      )}
      {ticket.rating && <Row label='您的评价'>{SATISFACTION_LABELS[ticket.rating.satisfaction]}</Row>}
    </View>
  );
}

export default function TicketDetailPage() {
  const { params } = useRouter();
  const no = decodeURIComponent(params.no ?? '');
  const remote = useRemote(() => getTicket(no), [no]);
  usePullDownRefresh(() => void remote.reload().finally(() => Taro.stopPullDownRefresh()));

  const after = async (run: () => Promise<TicketView>, done: string) => {
    try {
      await run();
      Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      Taro.showModal({ title: '没有成功', content: messageOf(e), showCancel: false });
    }
    await remote.reload();
  };

  if (!remote.data) {
    if (remote.status === 'error') return <PageShell><ErrorState error={remote.error} onRetry={() => void remote.reload()} /></PageShell>;
    return <PageShell><Loading /></PageShell>;
  }
  const ticket = remote.data;
  const actions = citizenActions(ticket.status, ticket.timeline, ticket.allowedActions);
  const withdraw = async () => {
    const { confirm } = await Taro.showModal({ title: '确定撤回吗？', content: '撤回后这件事就不再办理了。', confirmText: '确定撤回', cancelText: '再想想', confirmColor: '#b71c1c', cancelColor: '#111111' });
    if (confirm) await after(() => withdrawTicket(ticket), '已撤回');
  };
  const requestNote = latestEntry(ticket, ['request-supplement'])?.note ?? undefined;

  return (
    <PageShell className='detail-page'>
      <Facts ticket={ticket} />
      <View className='card'>
        <Text className='card__title'>您反映的内容</Text>
        <Text className='content-text'>{ticket.content}</Text>
        {ticket.attachments && ticket.attachments.length > 0 && <AttachmentsView attachments={ticket.attachments} />}
      </View>
      {actions.includes('supplement') && (
        <View className='card'>
          <SupplementForm request={requestNote} onSend={(body) => after(() => supplementTicket(ticket, body), '已补充')} />
        </View>
      )}
      {actions.includes('rate') && (
        <View className='card'>
          <RatingForm onRate={(body) => after(() => rateTicket(ticket, body), '感谢评价')} />
        </View>
      )}
      <View className='card'>
        <Text className='card__title'>办理记录</Text>
        <Timeline entries={ticket.timeline ?? []} />
      </View>
      {actions.includes('withdraw') && (
        <Button className='btn btn--danger btn--big' onClick={() => void withdraw()}>
          撤回这件诉求
        </Button>
      )}
      {remote.status === 'error' && <ErrorState error={remote.error} onRetry={() => void remote.reload()} />}
    </PageShell>
  );
}
