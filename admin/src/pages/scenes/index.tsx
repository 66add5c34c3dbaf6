import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Row, Table } from 'antd';
import { api, download, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { Scene } from '../../api/types';
import { CreateScene } from './create-scene';

/** QR code points: where they hang, how often they were scanned, the printable poster, and new points. */
export function ScenesPage() {
  const { message } = App.useApp();
  const [items, setItems] = useState<Scene[]>([]);
  const [created, setCreated] = useState<Scene | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    unwrap(api.GET('/api/admin/v1/scenes'))
      .then((res) => setItems(res.items))
      .catch((err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(refresh, [refresh]);
  const poster = (s: Scene) => download(`/api/admin/v1/scenes/${encodeURIComponent(s.id)}/poster`, `poster-${s.scene}.svg`).catch((err: unknown) => message.error(messageOf(err)));
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title="码点" className="ticket-card">
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          {created && (
            <Alert
              type="success"
              showIcon
              className="form-alert"
              title={`已新增码点「${created.name}」（场景值 ${created.scene}）`}
              action={<Button size="small" data-testid="new-scene-poster" onClick={() => void poster(created)}>下载海报</Button>}
            />
          )}
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
      </Col>
      <Col xs={24} lg={9}>
        <CreateScene
          onCreated={(s) => {
            setCreated(s);
            refresh();
          }}
        />
      </Col>
    </Row>
  );
}
