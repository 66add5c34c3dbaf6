import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TYPE_LABELS } from '@mashang/shared';
import type { TicketView } from '../services/types';
import { formatDate } from '../services/format';
import { FOCUSABLE } from './focusable';
import { StatusChip } from './status-chip';

export function TicketCard({ ticket }: { ticket: TicketView }) {
  const open = () => Taro.navigateTo({ url: `/sub/ticket/detail/index?no=${encodeURIComponent(ticket.no)}` });
  return (
    <View className='ticket-card' onClick={open} role='button' {...FOCUSABLE} data-no={ticket.no}>
      <View className='ticket-card__head'>
        <Text className='ticket-card__type'>{TYPE_LABELS[ticket.type] ?? ticket.type}</Text>
        <StatusChip status={ticket.status} overdue={ticket.overdue} />
      </View>
      <Text className='ticket-card__content'>{ticket.content.length > 60 ? `${ticket.content.slice(0, 60)}…` : ticket.content}</Text>
      <Text className='ticket-card__meta'>
        编号 {ticket.no} · {formatDate(ticket.createdAt)}
      </Text>
    </View>
  );
}
