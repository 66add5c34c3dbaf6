import { Card, Form, Input, Select, Switch } from 'antd';
import { UNIT_KIND_LABELS, UNIT_KINDS, UNIT_LEVEL_LABELS, unitPatchSchema, type UnitKind, type UnitLevel } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { Unit, UnitPatchBody } from '../../api/types';
import { EditForm, ifMatch } from '../../components/edit-form';

const LABELS = { name: '单位名称', kind: '类别', is24h: '24 小时值守', active: '启用' };

interface Props {
  unit: Unit;
  onChange(u: Unit): void;
  onReload(): Promise<unknown>;
}

/** Rename, re-kind, 24 h flag, deactivate (refused while it has active sub-units: the 422 says so). */
export function UnitEditor({ unit, onChange, onReload }: Props) {
  const initial = { name: unit.name, kind: unit.kind, is24h: unit.is24h, active: unit.active };
  const changed = (v: Record<string, unknown>) => Object.fromEntries(Object.entries(v).filter(([k, x]) => x !== (initial as Record<string, unknown>)[k]));
  return (
    <Card title={`编辑单位：${unit.name}（${UNIT_LEVEL_LABELS[unit.level as UnitLevel] ?? unit.level}）`} className="ticket-card">
      <EditForm name="unit-edit"
        key={unit.id}
        schema={unitPatchSchema}
        labels={LABELS}
        initialValues={initial}
        toBody={changed}
        send={(body) => unwrap(api.PATCH('/api/admin/v1/units/{id}', { params: { path: { id: unit.id }, ...ifMatch(unit.version) }, body: body as UnitPatchBody })).then((r) => r.unit)}
        onSaved={(u) => onChange(u as Unit)}
        onReload={onReload}
        submitLabel="保存"
      >
        <Form.Item name="name" label={LABELS.name}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={LABELS.kind}>
          <Select options={UNIT_KINDS.map((k: UnitKind) => ({ value: k, label: UNIT_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="is24h" label={LABELS.is24h} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="active" label={LABELS.active} valuePropName="checked" extra="停用前须先停用下级单位">
          <Switch />
        </Form.Item>
      </EditForm>
    </Card>
  );
}
