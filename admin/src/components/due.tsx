import dayjs from 'dayjs';

/** A due date with how far away it is (calendar time; the working-day deadlines are on the ticket). */
export function Due({ at, overdue }: { at: string | null | undefined; overdue?: boolean }) {
  if (!at) return <span>—</span>;
  const hours = dayjs(at).diff(dayjs(), 'hour');
  const late = overdue || hours < 0;
  const cls = late ? 'countdown--late' : hours < 48 ? 'countdown--soon' : '';
  const left = late ? `已超期 ${Math.ceil(-hours / 24)} 天` : hours < 48 ? `剩 ${hours} 小时` : `剩 ${Math.floor(hours / 24)} 天`;
  return (
    <span className={cls} title={dayjs(at).format('YYYY-MM-DD HH:mm')}>
      {dayjs(at).format('MM-DD HH:mm')}（{left}）
    </span>
  );
}
