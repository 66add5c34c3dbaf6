import { useCallback, useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { SupervisionRecord } from '../../api/types';
import { useCursorList } from '../../hooks/use-cursor-list';

type Status = SupervisionRecord['status'];
const STATUS: Record<Status, [string, string]> = { open: ['督办中', 'red'], resolved: ['已办结', 'green'], escalated: ['已移交督查', 'orange'] };

/** 督办记录 (000 §22-24): newest first, by status; a handler sees its own unit's only (the API's rule). */
export function SupervisionsPage() {
  const [status, setStatus] = useState<Status | undefined>('open');
  const fetchPage = useCallback(
    (after: string | null) => unwrap(api.GET('/api/admin/v1/supervisions', { params: { query: { limit: 20, ...(status ? { status } : {}), ...(after ? { cursor: after } : {}) } } })),
    [status],
  );
  const { items, cursor, loading, error, load } = useCursorList<SupervisionRecord, Awaited<ReturnType<typeof fetchPage>>>(fetchPage);

  return (
    <Card className="ticket-card" title="督办记录">
      <Space style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部状态" style={{ width: 140 }} value={status} onChange={setStatus} options={Object.entries(STATUS).map(([value, [label]]) => ({ value, label }))} />
      </Space>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: '没有督办记录' }}
        onRow={(r) => ({ 'data-supervision': r.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '工单', dataIndex: 'ticketNo', render: (no: string | null) => (no ? <Link to={`/tickets/${no}`}>{no}</Link> : '—') },
          { title: '督办情形', dataIndex: 'triggerLabel' },
          { title: '方式', dataIndex: 'meansLabel' },
          { title: '被督办单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '—' },
          { title: '督办意见', dataIndex: 'note' },
          { title: '督办时间', dataIndex: 'at', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          { title: '反馈期限', dataIndex: 'dueAt', render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : '—') },
          { title: '状态', dataIndex: 'status', render: (v: Status) => <Tag color={STATUS[v][1]}>{STATUS[v][0]}</Tag> },
        ]}
      />
      {cursor && (
        <Button block style={{ marginTop: 12 }} onClick={() => void load(cursor)} loading={loading}>
          加载更多
        </Button>
      )}
    </Card>
  );
}
