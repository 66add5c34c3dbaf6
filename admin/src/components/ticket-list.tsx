import { Grid, List, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { CHANNEL_LABELS, TYPE_LABELS, type Channel, type TicketType } from '@mashang/shared';
import type { TicketSummary } from '../api/types';
import { Due } from './due';

interface Props {
  items: TicketSummary[];
  loading: boolean;
  unitName(id: string | null): string;
}

function StatusTag({ t }: { t: TicketSummary }) {
  return <Tag color={t.overdue ? 'red' : 'blue'}>{t.statusLabel}</Tag>;
}

const excerpt = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

/** Tickets as a table on a desk, as cards large enough to tap on a phone. */
export function TicketList({ items, loading, unitName }: Props) {
  const screens = Grid.useBreakpoint();
  if (!screens.md) {
    return (
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: '没有工单' }}
        renderItem={(t) => (
          <List.Item className="ticket-row" data-no={t.no}>
            <Link to={`/tickets/${t.no}`} style={{ display: 'block', width: '100%' }}>
              <div>
                <b>{t.no}</b> <StatusTag t={t} /> <Tag>{TYPE_LABELS[t.type as TicketType]}</Tag>
              </div>
              <div style={{ color: '#333', margin: '4px 0' }}>{excerpt(t.content)}</div>
              <div style={{ color: '#888', fontSize: 13 }}>
                {unitName(t.leadUnit)} · 期限 <Due at={t.dueAt} overdue={t.overdue} />
              </div>
            </Link>
          </List.Item>
        )}
      />
    );
  }
  return (
    <Table
      rowKey="no"
      loading={loading}
      dataSource={items}
      pagination={false}
      locale={{ emptyText: '没有工单' }}
      onRow={(t) => ({ 'data-no': t.no, className: 'ticket-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        { title: '编号', dataIndex: 'no', render: (no: string) => <Link to={`/tickets/${no}`}>{no}</Link> },
        { title: '类型', dataIndex: 'type', render: (v: TicketType) => TYPE_LABELS[v] },
        { title: '内容', dataIndex: 'content', render: (v: string) => excerpt(v) },
        { title: '状态', render: (_: unknown, t) => <StatusTag t={t} /> },
        { title: '渠道', dataIndex: 'channel', render: (v: Channel) => CHANNEL_LABELS[v] },
        { title: '承办单位', dataIndex: 'leadUnit', render: (v: string | null) => unitName(v) },
        { title: '办理期限', dataIndex: 'dueAt', render: (v: string | null, t) => <Due at={v} overdue={t.overdue} /> },
        { title: '登记时间', dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
      ]}
    />
  );
}
