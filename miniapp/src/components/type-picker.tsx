import { Text, View } from '@tarojs/components';
import { TICKET_TYPES, TYPE_HINTS, TYPE_LABELS, type TicketType } from '@mashang/shared';

interface Props {
  value: TicketType | '';
  onChange: (type: TicketType) => void;
}

/** Five large choices, each with its one-line meaning: a picker wheel is too fiddly for old fingers. */
export function TypePicker({ value, onChange }: Props) {
  return (
    <View className='type-picker' role='radiogroup' aria-label='反映类型'>
      {TICKET_TYPES.map((type) => (
        <View
          key={type}
          className={`type-option ${value === type ? 'type-option--on' : ''}`}
          role='radio'
          aria-checked={value === type}
          data-type={type}
          onClick={() => onChange(type)}
        >
          <Text className='type-option__label'>{TYPE_LABELS[type]}</Text>
          <Text className='type-option__hint'>{TYPE_HINTS[type]}</Text>
        </View>
      ))}
    </View>
  );
}
