import { Text, View } from '@tarojs/components';
import { isTerminal, STATUS_LABELS, type TicketStatus } from '@mashang/shared';

/** Colour groups for the chips: waiting on the citizen, in progress, finished well, finished otherwise. */
function tone(status: TicketStatus): string {
  if (status === 'supplementing' || status === 'visiting') return 'action';
  if (status === 'closed') return 'done';
  if (isTerminal(status)) return 'ended';
  return 'progress';
}

export function StatusChip({ status, overdue }: { status: TicketStatus; overdue?: boolean }) {
  return (
    <View className='chips'>
      <Text className={`chip chip--${tone(status)}`}>{STATUS_LABELS[status] ?? status}</Text>
      {overdue && !isTerminal(status) && <Text className='chip chip--overdue'>已超期</Text>}
    </View>
  );
}
