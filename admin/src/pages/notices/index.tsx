import { useCallback, useState } from 'react';
import { Alert, Badge, Button, Card, List, Segmented, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { StaffNotice } from '../../api/types';
import { noticesChanged } from '../../hooks/use-unread';
import { useCursorList } from '../../hooks/use-cursor-list';

const LEVEL_COLORS: Record<StaffNotice['level'], string> = { urgent: 'red', warning: 'orange', info: 'blue' };
const LEVEL_LABELS: Record<StaffNotice['level'], string> = { urgent: '紧急', warning: '提醒', info: '通知' };

/** 消息: the signed-in member's notices, newest first; opening one marks it read and shows its ticket. */
export function NoticesPage() {
  const navigate = useNavigate();
  const [unreadOnly, setUnreadOnly] = useState(true);
  const [unread, setUnread] = useState(0);
  const fetchPage = useCallback(
    (after: string | null) => unwrap(api.GET('/api/admin/v1/notices', { params: { query: { limit: 20, ...(unreadOnly ? { unread: true } : {}), ...(after ? { cursor: after } : {}) } } })),
    [unreadOnly],
  );
  const { items, cursor, loading, error, setError, load } = useCursorList<StaffNotice, Awaited<ReturnType<typeof fetchPage>>>(fetchPage, (page) => {
    setUnread(page.unreadCount);
    noticesChanged(page.unreadCount);
  });

  async function open(n: StaffNotice) {
    if (!n.readAt) {
      const res = await unwrap(api.POST('/api/admin/v1/notices/{id}/read', { params: { path: { id: n.id } } })).catch(() => null);
      if (res) noticesChanged(res.unreadCount);
    }
    navigate(`/tickets/${n.ticketNo}`);
  }

  async function readAll() {
    try {
      const res = await unwrap(api.POST('/api/admin/v1/notices/read-all'));
      noticesChanged(res.unreadCount);
      await load(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <Card
      className="ticket-card"
      title={
        <Space>
          消息
          <span data-testid="inbox-unread" data-count={unread}>
            <Badge count={unread} />
          </span>
        </Space>
      }
      extra={
        <Button onClick={() => void readAll()} disabled={!unread}>
          全部已读
        </Button>
      }
    >
      <Segmented<string> value={unreadOnly ? 'unread' : 'all'} onChange={(v) => setUnreadOnly(v === 'unread')} options={[{ value: 'unread', label: '未读' }, { value: 'all', label: '全部' }]} style={{ marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <List
        loading={loading}
        dataSource={items}
        locale={{ emptyText: unreadOnly ? '没有未读消息' : '没有消息' }}
        renderItem={(n) => (
          <List.Item className="notice-row" data-notice={n.id} data-unread={n.readAt ? 'false' : 'true'} onClick={() => void open(n)} style={{ cursor: 'pointer' }}>
            <List.Item.Meta
              title={
                <Space wrap size={4}>
                  {!n.readAt && <Badge status="processing" />}
                  <Tag color={LEVEL_COLORS[n.level]}>{LEVEL_LABELS[n.level]}</Tag>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                </Space>
              }
              description={
                <>
                  {n.note && <div>{n.note}</div>}
                  <Typography.Text type="secondary">
                    {n.ticketNo} · {dayjs(n.createdAt).format('YYYY-MM-DD HH:mm')}
                    {n.deadline ? ` · 期限 ${dayjs(n.deadline).format('MM-DD HH:mm')}` : ''}
                    {n.cite ? ` · ${n.cite}` : ''}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
      {cursor && (
        <Button block style={{ marginTop: 12 }} onClick={() => void load(cursor)} loading={loading}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
