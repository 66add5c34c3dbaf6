import { Select } from 'antd';

/** Keywords or tags, typed freely (Enter, comma or space ends one). */
export function TagsInput(props: { value?: string[]; onChange?(v: string[]): void; id?: string }) {
  return <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} placeholder="输入后回车" {...props} />;
}
