import { Card, Form, Input, Select, Switch } from 'antd';
import { ROLE_LABELS, STAFF_ROLES, staffPatchSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { Staff, StaffPatchBody } from '../../api/types';
import { EditForm, ifMatch } from '../../components/edit-form';
import { unitOptions, type UnitOption } from '../../hooks/use-units';

const LABELS = { name: '姓名', roles: '角色', unit: '所属单位', active: '在用', password: '重置密码' };

interface Props {
  staff: Staff;
  units: UnitOption[];
  onChange(s: Staff): void;
  onReload(): Promise<unknown>;
}

/** Name, roles, unit, active flag and a password reset (changing any but the name signs the account out). */
export function StaffEditor({ staff, units, onChange, onReload }: Props) {
  const initial: Record<string, unknown> = { name: staff.name, roles: staff.roles, unit: staff.unit ?? undefined, active: staff.active };
  const toBody = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    if (v.name !== initial.name) body.name = v.name;
    if (JSON.stringify(v.roles) !== JSON.stringify(initial.roles)) body.roles = v.roles;
    if ((v.unit ?? null) !== (staff.unit ?? null)) body.unit = v.unit ?? null;
    if (v.active !== initial.active) body.active = v.active;
    if (typeof v.password === 'string' && v.password !== '') body.password = v.password;
    return body;
  };
  return (
    <Card title={`编辑人员：${staff.username}`} className="ticket-card">
      <EditForm name="staff-edit"
        key={staff.id}
        schema={staffPatchSchema}
        labels={LABELS}
        initialValues={initial}
        toBody={toBody}
        send={(body) => unwrap(api.PATCH('/api/admin/v1/staff/{id}', { params: { path: { id: staff.id }, ...ifMatch(staff.version) }, body: body as StaffPatchBody })).then((r) => r.staff)}
        onSaved={(s) => onChange(s as Staff)}
        onReload={onReload}
        submitLabel="保存"
      >
        <Form.Item name="name" label={LABELS.name}>
          <Input />
        </Form.Item>
        <Form.Item name="roles" label={LABELS.roles}>
          <Select mode="multiple" options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        <Form.Item name="unit" label={LABELS.unit} extra="承办人员必须选择单位">
          <Select allowClear showSearch optionFilterProp="label" options={unitOptions(units)} />
        </Form.Item>
        <Form.Item name="active" label={LABELS.active} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="password" label={LABELS.password} extra="留空不修改。至少 10 位，含字母和数字，不能包含用户名，不能是常见密码；修改后该账号需重新登录">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </EditForm>
    </Card>
  );
}
