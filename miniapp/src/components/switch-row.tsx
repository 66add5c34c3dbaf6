import { Switch, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  hint?: ReactNode;
  /** What a screen reader says for the switch (the title, unless it needs more words). */
  label?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  /** Below the hint: a link, a field error. */
  children?: ReactNode;
}

/**
 * A titled on/off setting. The label reaches the switch on both builds: WeChat reads `ariaLabel`
 * on its native switch; in h5 Taro draws an <input type="checkbox"> inside its own element, which
 * gets the label through `nativeProps` (axe: "form elements must have labels").
 */
export function SwitchRow({ title, hint, label = title, checked, onChange, children }: Props) {
  return (
    <View className='section switch-row'>
      <View className='switch-row__text'>
        <Text className='section__title'>{title}</Text>
        {hint && <Text className='field__hint'>{hint}</Text>}
        {children}
      </View>
      <Switch checked={checked} color='#b71c1c' onChange={(e) => onChange(e.detail.value)} ariaLabel={label} nativeProps={{ 'aria-label': label }} />
    </View>
  );
}
