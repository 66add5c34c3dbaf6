import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Table } from 'antd';
import { api, download, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { paths } from '../../api/schema';

type Scene = paths['/api/admin/v1/scenes']['get']['responses'][200]['content']['application/json']['items'][number];

/** QR code points: where they hang, how often they were scanned, and the printable poster. */
export function ScenesPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Scene[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api.GET('/api/admin/v1/scenes'))
      .then((res) => setItems(res.items))
      .catch((err: unknown) => setError(messageOf(err)));
  }, []);
  const poster = (s: Scene) => download(`/api/admin/v1/scenes/${encodeURIComponent(s.id)}/poster`, `poster-${s.scene}.svg`).catch((err: unknown) => message.error(messageOf(err)));
  return (
    <Card title="码点">
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        dataSource={items}
        pagination={false}
        columns={[
          { title: '码点', dataIndex: 'name' },
          { title: '地址', dataIndex: 'address' },
          { title: '场景值', dataIndex: 'scene' },
          { title: '扫码次数', dataIndex: 'scans' },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? '启用' : '停用') },
          { title: '海报', render: (_: unknown, s) => <Button size="small" onClick={() => void poster(s)}>下载海报</Button> },
        ]}
      />
    </Card>
  );
}
