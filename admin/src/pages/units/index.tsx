import { useEffect, useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { UNIT_KIND_LABELS, UNIT_KINDS, UNIT_LEVEL_LABELS, UNIT_LEVELS, unitCreateSchema, type UnitKind, type UnitLevel } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { CreateForm, withoutBlanks } from '../../components/create-form';
import { messageOf } from '../../api/errors';
import type { Unit, UnitCreateBody } from '../../api/types';
import { forgetUnits, loadUnits, unitOptions, type UnitOption } from '../../hooks/use-units';
import { UnitEditor } from './unit-editor';

interface TreeRow extends UnitOption {
  children?: TreeRow[];
}

function tree(units: UnitOption[]): TreeRow[] {
  const byParent = new Map<string | null, UnitOption[]>();
  for (const u of units) byParent.set(u.parent, [...(byParent.get(u.parent) ?? []), u]);
  const ids = new Set(units.map((u) => u.id));
  const build = (u: UnitOption): TreeRow => {
    const kids = (byParent.get(u.id) ?? []).map(build);
    return kids.length ? { ...u, children: kids } : { ...u };
  };
  return units.filter((u) => !u.parent || !ids.has(u.parent)).map(build);
}

const LABELS = { name: '单位名称', parent: '上级单位', level: '层级', kind: '类别' };

/** The organisation tree, and a new unit under any node. */
export function UnitsPage() {
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [selected, setSelected] = useState<Unit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () => {
    forgetUnits();
    void loadUnits().then(setUnits);
  };
  useEffect(refresh, []);
  const open = (id: string) =>
    unwrap(api.GET('/api/admin/v1/units/{id}', { params: { path: { id } } }))
      .then((res) => setSelected(res.unit))
      .catch((err: unknown) => setError(messageOf(err)));
  const changed = (u: Unit) => {
    setSelected(u);
    refresh();
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title="单位" className="ticket-card">
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={tree(units)}
            onRow={(u) => ({ onClick: () => void open(u.id), 'data-unit': u.id }) as React.HTMLAttributes<HTMLElement>}
            columns={[{ title: '名称', dataIndex: 'name', render: (n: string) => <a>{n}</a> }, { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) }]} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        {selected && <UnitEditor unit={selected} onChange={changed} onReload={() => open(selected.id)} />}
        <Card title="新增单位" className="ticket-card">
          <CreateForm name="unit-create" schema={unitCreateSchema} labels={LABELS} toBody={withoutBlanks} send={(body) => unwrap(api.POST('/api/admin/v1/units', { body: body as UnitCreateBody }))} onCreated={refresh} submitLabel="新增">
            <Form.Item name="name" label={LABELS.name}>
              <Input />
            </Form.Item>
            <Form.Item name="parent" label={LABELS.parent}>
              <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
            </Form.Item>
            <Form.Item name="level" label={LABELS.level}>
              <Select options={UNIT_LEVELS.map((l: UnitLevel) => ({ value: l, label: UNIT_LEVEL_LABELS[l] }))} />
            </Form.Item>
            <Form.Item name="kind" label={LABELS.kind}>
              <Select allowClear options={UNIT_KINDS.map((k: UnitKind) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
            </Form.Item>
          </CreateForm>
        </Card>
      </Col>
    </Row>
  );
}
