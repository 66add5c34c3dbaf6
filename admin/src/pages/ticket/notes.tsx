import { useState } from 'react';
import { Alert, Button, Input, List, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { internalNoteSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import { zodFieldErrors } from '../../components/zod-form';
import type { InternalNote } from './use-ticket';

/** Internal notes: staff only, never shown to the citizen. */
export function InternalNotes({ no, notes, onAdded }: { no: string; notes: InternalNote[]; onAdded(): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function add() {
    const issues = zodFieldErrors(internalNoteSchema, { note: text }, { note: '备注' });
    if (issues.length) return setError(issues[0].errors[0]);
    setBusy(true);
    try {
      await unwrap(api.POST('/api/admin/v1/tickets/{no}/notes', { params: { path: { no } }, body: { note: text } }));
      setText('');
      setError(null);
      onAdded();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <List
        size="small"
        dataSource={notes}
        locale={{ emptyText: '暂无内部备注' }}
        renderItem={(n) => (
          <List.Item>
            <div>
              <Typography.Text type="secondary">{dayjs(n.at).format('MM-DD HH:mm')} {n.by?.name ?? ''}</Typography.Text>
              <div className="ticket-content">{n.text}</div>
            </div>
          </List.Item>
        )}
      />
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Space.Compact style={{ width: '100%' }}>
        <Input placeholder="内部备注（诉求人看不到）" value={text} onChange={(e) => setText(e.target.value)} />
        <Button onClick={() => void add()} loading={busy}>
          添加
        </Button>
      </Space.Compact>
    </div>
  );
}
