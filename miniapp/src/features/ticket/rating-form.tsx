import { FieldError } from '../../components/field-error';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { SATISFACTION_LABELS, SATISFACTION_LEVELS, TEXT_LIMITS, type Satisfaction } from '@mashang/shared';
import { useState } from 'react';

interface Props {
  onRate: (body: { satisfaction: Satisfaction; comment?: string }) => Promise<void>;
}

const FACES: Record<Satisfaction, string> = { satisfied: '😊', basic: '🙂', unsatisfied: '☹️' };

/** 一事一评 (002 §28): three big choices and an optional comment; unsatisfied asks what is still wrong. */
export function RatingForm({ onRate }: Props) {
  const [choice, setChoice] = useState<Satisfaction>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const send = async () => {
    if (!choice) {
      setError('请先选择满意、基本满意或不满意');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await onRate({ satisfaction: choice, comment: comment.trim() || undefined });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='rating-form'>
      <Text className='section__title'>您对办理结果满意吗？</Text>
      <View className='rating-form__choices' role='radiogroup' aria-label='满意度'>
        {SATISFACTION_LEVELS.map((level) => (
          <View key={level} role='radio' aria-checked={choice === level} className={`rating-choice ${choice === level ? 'rating-choice--on' : ''}`} onClick={() => setChoice(level)}>
            <Text className='rating-choice__face'>{FACES[level]}</Text>
            <Text className='rating-choice__label'>{SATISFACTION_LABELS[level]}</Text>
          </View>
        ))}
      </View>
      <Textarea
        className='textarea textarea--short'
        value={comment}
        maxlength={TEXT_LIMITS.comment}
        placeholder={choice === 'unsatisfied' ? '请说说哪里还没解决，我们会安排重新办理' : '还想说点什么（可不填）'}
        onInput={(e) => setComment(e.detail.value)}
        ariaLabel='评价意见'
      />
      <FieldError text={error} />
      <Button className={`btn btn--primary btn--big ${busy ? 'btn--busy' : ''}`} loading={busy} disabled={busy || undefined} onClick={() => void send()}>
        提交评价
      </Button>
    </View>
  );
}
