import { DatePicker, Input, InputNumber, Radio, Select } from 'antd';
import { PhotoUpload } from '../../components/photo-upload';
import { unitOptions, useUnits } from '../../hooks/use-units';
import type { FieldSpec } from './action-fields';

const choices = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** The input of one action field (antd Form.Item passes value/onChange through). */
export function FieldInput({ spec, ...rest }: { spec: FieldSpec }) {
  const units = useUnits();
  switch (spec.kind) {
    case 'textarea':
      return <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} placeholder={spec.placeholder} {...rest} />;
    case 'select':
      return <Select allowClear options={choices(spec.options ?? {})} placeholder="请选择" {...rest} />;
    case 'number':
      return <InputNumber style={{ width: '100%' }} placeholder={spec.placeholder} {...rest} />;
    case 'yes-no':
      return (
        <Radio.Group {...rest}>
          <Radio.Button value={true}>{spec.yesNo?.[0] ?? '是'}</Radio.Button>
          <Radio.Button value={false}>{spec.yesNo?.[1] ?? '否'}</Radio.Button>
        </Radio.Group>
      );
    case 'unit':
      return <Select showSearch allowClear optionFilterProp="label" options={unitOptions(units)} placeholder="选择单位" {...rest} />;
    case 'units':
      return <Select mode="multiple" allowClear optionFilterProp="label" options={unitOptions(units)} placeholder="可多选" {...rest} />;
    case 'photos':
      return <PhotoUpload {...rest} />;
    case 'datetime':
      return <DatePicker showTime style={{ width: '100%' }} {...rest} />;
    default:
      return <Input placeholder={spec.placeholder} {...rest} />;
  }
}
