import { Text, View } from '@tarojs/components';

/** A field's problem, announced to screen readers, in the form's red. */
export function FieldError({ text }: { text?: string }) {
  if (!text) return null;
  return (
    <View className='field__error' role='alert'>
      <Text>{text}</Text>
    </View>
  );
}
