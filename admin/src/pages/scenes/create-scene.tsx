import { useEffect, useState } from 'react';
import { Card, Form, Input, InputNumber, Select } from 'antd';
import { sceneCreateSchema } from '@mashang/shared';
import { api, unwrap } from '../../api/client';
import type { Category, Scene, SceneCreateBody } from '../../api/types';
import { CreateForm, withoutBlanks } from '../../components/create-form';
import { unitOptions, useUnits } from '../../hooks/use-units';

const LABELS = { name: '码点名称', address: '地址', location: '坐标', region: '所在区域', defaultUnit: '默认承办单位', categories: '常见问题分类', scene: '场景值' };

const Nothing = () => null;

/** The form's lat/lng fields → the API's location. */
function toBody(v: Record<string, unknown>): Record<string, unknown> {
  const { lat, lng, ...rest } = v;
  const location = typeof lat === 'number' || typeof lng === 'number' ? { lat, lng } : undefined;
  return withoutBlanks({ ...rest, location });
}

/** A new QR code point; its poster is downloadable from the list at once. */
export function CreateScene({ onCreated }: { onCreated(s: Scene): void }) {
  const units = useUnits();
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    unwrap(api.GET('/api/admin/v1/catalog', { params: { query: { active: true } } }))
      .then((res) => setCategories(res.items))
      .catch(() => setCategories([]));
  }, []);
  const options = unitOptions(units);
  return (
    <Card title="新增码点" className="ticket-card">
      <CreateForm name="scene-create" schema={sceneCreateSchema} labels={LABELS} toBody={toBody} send={(body) => unwrap(api.POST('/api/admin/v1/scenes', { body: body as SceneCreateBody }))} onCreated={(res) => onCreated((res as { scene: Scene }).scene)} submitLabel="新增">
        <Form.Item name="name" label={LABELS.name}>
          <Input />
        </Form.Item>
        <Form.Item name="address" label={LABELS.address}>
          <Input />
        </Form.Item>
        <Form.Item label={LABELS.location} required>
          <Form.Item name="lat" noStyle>
            <InputNumber aria-label="纬度" placeholder="纬度" min={-90} max={90} step={0.0001} style={{ width: 140, marginRight: 8 }} />
          </Form.Item>
          <Form.Item name="lng" noStyle>
            <InputNumber aria-label="经度" placeholder="经度" min={-180} max={180} step={0.0001} style={{ width: 140 }} />
          </Form.Item>
        </Form.Item>
        {/* Where the schema's message about the coordinates appears. */}
        <Form.Item name="location" className="field-errors-only">
          <Nothing />
        </Form.Item>
        <Form.Item name="region" label={LABELS.region}>
          <Select allowClear showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="defaultUnit" label={LABELS.defaultUnit}>
          <Select allowClear showSearch optionFilterProp="label" options={options} />
        </Form.Item>
        <Form.Item name="categories" label={LABELS.categories}>
          <Select mode="multiple" allowClear showSearch optionFilterProp="label" options={categories.map((c) => ({ value: c.code, label: `${c.code} ${c.path || c.name}` }))} />
        </Form.Item>
        <Form.Item name="scene" label={LABELS.scene} extra="留空自动生成；已印刷的码请填原场景值">
          <Input autoComplete="off" />
        </Form.Item>
      </CreateForm>
    </Card>
  );
}
