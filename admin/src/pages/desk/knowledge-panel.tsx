import { useEffect, useState } from 'react';
import { Card, Collapse, Empty, Input, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { KnowledgeHit } from '../../api/types';

/** Knowledge search beside the intake form: what the operator can answer at once (follows the call text). */
export function KnowledgePanel({ text }: { text: string }) {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<KnowledgeHit[]>([]);
  const query = (q || text).trim().slice(0, 100);

  useEffect(() => {
    if (query.length < 2) return setHits([]);
    let live = true;
    const timer = setTimeout(() => {
      void unwrap(api.GET('/api/admin/v1/knowledge', { params: { query: { q: query, limit: 5 } } }))
        .then((res) => live && setHits(res.items))
        .catch(() => live && setHits([]));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query]);

  return (
    <Card size="small" title="知识库" className="ticket-card">
      <Input.Search placeholder="搜索知识库（默认按来电内容）" allowClear value={q} onChange={(e) => setQ(e.target.value)} />
      {hits.length ? (
        <Collapse
          style={{ marginTop: 8 }}
          size="small"
          items={hits.map((h) => ({ key: h.id, label: h.question, children: <Typography.Paragraph className="knowledge-answer">{h.answer}</Typography.Paragraph> }))}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的答案" />
      )}
    </Card>
  );
}
