import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { ROLE_LABELS, STAFF_ROLES, staffCreateSchema, type StaffRole } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { Staff, StaffCreateBody } from '../../api/types';
import { CreateForm, withoutBlanks } from '../../components/create-form';
import { unitOptions, useUnits } from '../../hooks/use-units';
import { StaffEditor } from './staff-editor';

const LABELS = { username: '用户名', password: '初始密码', name: '姓名', roles: '角色', unit: '所属单位' };

/** Staff accounts: who works where in which role, and new accounts. */
export function StaffPage() {
  const units = useUnits();
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const [items, setItems] = useState<Staff[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Staff | null>(null);
  const refresh = useCallback(() => {
    unwrap(api.GET('/api/admin/v1/staff', { params: { query: { limit: 100 } } }))
      .then((res) => setItems(res.items as Staff[]))
      .catch((err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(refresh, [refresh]);
  const changed = (s: Staff) => {
    setSelected(s);
    refresh();
  };
  const reload = async () => {
    if (!selected) return;
    setSelected((await unwrap(api.GET('/api/admin/v1/staff/{id}', { params: { path: { id: selected.id } } }))).staff as Staff);
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title="人员" className="ticket-card">
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          <Table
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={items}
            pagination={false}
            onRow={(s) => ({ onClick: () => setSelected(s), 'data-staff': s.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '用户名', dataIndex: 'username', render: (u: string) => <a>{u}</a> },
              { title: '姓名', dataIndex: 'name' },
              { title: '角色', dataIndex: 'roles', render: (roles: StaffRole[]) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>) },
              { title: '单位', dataIndex: 'unit', render: (u: string | null) => (u ? (names.get(u) ?? u) : '平台') },
              { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? '在用' : '停用') },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        {selected && <StaffEditor staff={selected} units={units} onChange={changed} onReload={reload} />}
        <Card title="新增人员" className="ticket-card">
          <CreateForm name="staff-create" schema={staffCreateSchema} labels={LABELS} toBody={withoutBlanks} send={(body) => unwrap(api.POST('/api/admin/v1/staff', { body: body as StaffCreateBody }))} onCreated={refresh} submitLabel="新增">
            <Form.Item name="username" label={LABELS.username}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="password" label={LABELS.password} extra="至少 10 位，含字母和数字，不能包含用户名，不能是常见密码">
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="name" label={LABELS.name}>
              <Input />
            </Form.Item>
            <Form.Item name="roles" label={LABELS.roles}>
              <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
            </Form.Item>
            <Form.Item name="unit" label={LABELS.unit} extra="承办人员必须选择单位">
              <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
            </Form.Item>
          </CreateForm>
        </Card>
      </Col>
    </Row>
  );
}
