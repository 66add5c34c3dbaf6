import { useEffect, useState } from 'react';
import { Alert, Card, Input, Table, Tag } from 'antd';
import dayjs from 'dayjs';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { KnowledgeHit } from '../../api/types';

const STATUS: Record<string, string> = { draft: '草稿', published: '已发布', retired: '已停用' };

/** The knowledge base: search (published, by relevance) or every entry newest first. */
export function KnowledgePage() {
  const [q, setQ] = useState('');
  const [items, setItems] = useState<KnowledgeHit[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    unwrap(api.GET('/api/admin/v1/knowledge', { params: { query: { ...(q ? { q } : {}), limit: 50 } } }))
      .then((res) => live && setItems(res.items))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [q]);
  return (
    <Card title="知识库">
      <Input.Search placeholder="搜索问题或答案" allowClear onSearch={(v) => setQ(v.trim())} style={{ maxWidth: 360, marginBottom: 12 }} />
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Table
        rowKey="id"
        size="small"
        dataSource={items}
        scroll={{ x: true }}
        expandable={{ expandedRowRender: (k) => <div className="knowledge-answer">{k.answer}</div> }}
        columns={[
          { title: '问题', dataIndex: 'question' },
          { title: '单位', dataIndex: 'unitName' },
          { title: '状态', dataIndex: 'status', render: (s: string, k) => <>{<Tag>{STATUS[s] ?? s}</Tag>}{k.stale && <Tag color="orange">待复核</Tag>}</> },
          { title: '更新', dataIndex: 'updatedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
        ]}
      />
    </Card>
  );
}
