import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CATEGORY_LEVEL_LABELS, categoryPatchSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { Category, CategoryPatchBody } from '../../api/types';
import { EditForm, ifMatch, recordMessage } from '../../components/edit-form';
import { TagsInput } from '../../components/tags-input';
import { unitOptions, type UnitOption } from '../../hooks/use-units';

const LABELS = { name: '名称', keywords: '关键词', assignments: '派单规则' };

interface AssignmentRow {
  region?: string | null;
  lead?: string;
  coUnits?: string[];
}

/** Form rows → the API's assignments (a blank region is "everywhere else": null). */
function toBody(v: Record<string, unknown>): Record<string, unknown> {
  const rows = (v.assignments as AssignmentRow[] | undefined) ?? [];
  return {
    name: v.name,
    keywords: v.keywords ?? [],
    assignments: rows.filter(Boolean).map((a) => ({ region: a.region ?? null, lead: a.lead ?? '', coUnits: a.coUnits ?? [] })),
  };
}

function Assignments({ units }: { units: UnitOption[] }) {
  const options = unitOptions(units);
  return (
    <Form.List name="assignments">
      {(fields, { add, remove }) => (
        <>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap className="assignment-row">
              <Form.Item name={[f.name, 'region']} label="区域">
                <Select allowClear placeholder="其他区域" style={{ width: 160 }} showSearch optionFilterProp="label" options={options} />
              </Form.Item>
              <Form.Item name={[f.name, 'lead']} label="牵头单位">
                <Select style={{ width: 200 }} showSearch optionFilterProp="label" options={options} />
              </Form.Item>
              <Form.Item name={[f.name, 'coUnits']} label="协办单位">
                <Select mode="multiple" style={{ width: 220 }} showSearch optionFilterProp="label" options={options} />
              </Form.Item>
              <MinusCircleOutlined aria-label="删除这条规则" onClick={() => remove(f.name)} style={{ marginTop: 36 }} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ region: null, coUnits: [] })}>
            添加派单规则
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** Deactivate (DELETE: kept for past tickets) or bring back a category; a 422 says why not. */
function ActiveSwitch({ category, onChange }: { category: Category; onChange(c: Category): void }) {
  const [error, setError] = useState<string | null>(null);
  const path = { code: category.code };
  const run = async () => {
    setError(null);
    try {
      const res = category.active
        ? await unwrap(api.DELETE('/api/admin/v1/catalog/{code}', { params: { path } }))
        : await unwrap(api.PATCH('/api/admin/v1/catalog/{code}', { params: { path, ...ifMatch(category.version) }, body: { active: true } }));
      onChange(res.category);
    } catch (err) {
      setError(recordMessage(err));
    }
  };
  return (
    <div className="form-alert">
      {error && <Alert type="error" showIcon role="alert" title={error} className="form-alert" />}
      <Button danger={category.active} onClick={() => void run()}>
        {category.active ? '停用分类' : '重新启用'}
      </Button>
    </div>
  );
}

interface Props {
  category: Category;
  units: UnitOption[];
  onChange(c: Category): void;
  onReload(): Promise<unknown>;
}

/** One category: rename, keywords, the region → unit rules; If-Match its version. */
export function CategoryEditor({ category, units, onChange, onReload }: Props) {
  const initial = { name: category.name, keywords: category.keywords, assignments: category.assignments };
  return (
    <Card
      className="ticket-card"
      title={
        <>
          {category.code} {category.name} <Tag>{CATEGORY_LEVEL_LABELS[category.level as 1 | 2 | 3] ?? category.level}</Tag>
          {!category.active && <Tag>已停用</Tag>}
        </>
      }
    >
      <EditForm name="category-edit"
        key={category.code}
        schema={categoryPatchSchema}
        labels={LABELS}
        initialValues={initial}
        toBody={toBody}
        send={(body) => unwrap(api.PATCH('/api/admin/v1/catalog/{code}', { params: { path: { code: category.code }, ...ifMatch(category.version) }, body: body as CategoryPatchBody })).then((r) => r.category)}
        onSaved={(c) => onChange(c as Category)}
        onReload={onReload}
        submitLabel="保存"
      >
        <Form.Item name="name" label={LABELS.name}>
          <Input />
        </Form.Item>
        <Form.Item name="keywords" label={LABELS.keywords}>
          <TagsInput />
        </Form.Item>
        <Form.Item label={LABELS.assignments} extra="区域留空表示其他区域；同一区域只能有一条规则">
          <Assignments units={units} />
        </Form.Item>
      </EditForm>
      <ActiveSwitch category={category} onChange={onChange} />
    </Card>
  );
}
