import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Card, Col, Form, Input, Row, Select, Table, Tag } from 'antd';
import { CATEGORY_LEVEL_LABELS, categoryCreateSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import { messageOf } from '../../api/errors';
import type { Category, CategoryCreateBody } from '../../api/types';
import { CreateForm, withoutBlanks } from '../../components/create-form';
import { useUnits } from '../../hooks/use-units';
import { TagsInput } from '../../components/tags-input';
import { CategoryEditor } from './category-editor';

interface TreeRow extends Category {
  children?: TreeRow[];
}

function tree(items: Category[]): TreeRow[] {
  const byParent = new Map<string | null, Category[]>();
  for (const c of items) byParent.set(c.parent, [...(byParent.get(c.parent) ?? []), c]);
  const codes = new Set(items.map((c) => c.code));
  const build = (c: Category): TreeRow => {
    const kids = (byParent.get(c.code) ?? []).map(build);
    return kids.length ? { ...c, children: kids } : { ...c };
  };
  return items.filter((c) => !c.parent || !codes.has(c.parent)).map(build);
}

const LABELS = { parent: '上级分类', name: '名称', code: '编码', keywords: '关键词' };

/** 派单目录 (002 §20): the 大类-中类-小类 tree, each category's keywords and region → unit rules. */
export function CatalogPage() {
  const units = useUnits();
  const [items, setItems] = useState<Category[]>([]);
  const [selected, setSelected] = useState<Category | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => {
    unwrap(api.GET('/api/admin/v1/catalog'))
      .then((res) => setItems(res.items))
      .catch((err: unknown) => setError(messageOf(err)));
  }, []);
  useEffect(refresh, [refresh]);
  const names = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const changed = (c: Category) => {
    setSelected(c);
    refresh();
  };
  const reload = async () => {
    if (!selected) return;
    setSelected((await unwrap(api.GET('/api/admin/v1/catalog/{code}', { params: { path: { code: selected.code } } }))).category);
  };
  const parents = items.filter((c) => c.active).map((c) => ({ value: c.code, label: `${c.code} ${c.path || c.name}` }));

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card title="派单目录" className="ticket-card">
          {error && <Alert type="error" showIcon title={error} className="form-alert" />}
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={tree(items)}
            onRow={(c) => ({ onClick: () => setSelected(c), 'data-category': c.code }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: '编码', dataIndex: 'code' },
              { title: '名称', dataIndex: 'name', render: (n: string) => <a>{n}</a> },
              { title: '层级', dataIndex: 'level', render: (l: 1 | 2 | 3) => CATEGORY_LEVEL_LABELS[l] ?? l },
              { title: '牵头单位', dataIndex: 'assignments', render: (a: Category['assignments']) => a.map((x) => names.get(x.lead) ?? x.lead).join('、') },
              { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag>停用</Tag>) },
            ]}
          />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        {selected && <CategoryEditor category={selected} units={units} onChange={changed} onReload={reload} />}
        <Card title="新增分类" className="ticket-card">
          <CreateForm name="category-create"
            schema={categoryCreateSchema}
            labels={LABELS}
            toBody={withoutBlanks}
            send={(body) => unwrap(api.POST('/api/admin/v1/catalog', { body: body as CategoryCreateBody }))}
            onCreated={(res) => changed((res as { category: Category }).category)}
            submitLabel="新增"
          >
            <Form.Item name="parent" label={LABELS.parent} extra="不选则为大类">
              <Select allowClear showSearch optionFilterProp="label" options={parents} />
            </Form.Item>
            <Form.Item name="name" label={LABELS.name}>
              <Input />
            </Form.Item>
            <Form.Item name="code" label={LABELS.code} extra="留空自动编码（上级编码加两位数字）">
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="keywords" label={LABELS.keywords}>
              <TagsInput />
            </Form.Item>
          </CreateForm>
        </Card>
      </Col>
    </Row>
  );
}
