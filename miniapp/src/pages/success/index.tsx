import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { TYPE_LABELS, type TicketType } from '@mashang/shared';
import { PageShell } from '../../components/page-shell';

/** What happens next, in the order of the closed loop (000 §8): the citizen knows what to expect. */
function nextSteps(type: TicketType | undefined): string[] {
  if (type === 'consultation') {
    return ['能马上答复的，工作人员会直接答复您', '需要部门解答的，会转给相关部门在规定时间内答复', '收到答复后，请您评价是否满意'];
  }
  return ['工作人员审核受理，并告诉您结果', '转交负责的单位在规定时间内办理', '办理单位联系您并答复办理结果', '请您评价是否满意，不满意的可以重新办理'];
}

export default function SuccessPage() {
  const { params } = useRouter();
  const no = params.no ? decodeURIComponent(params.no) : '';
  const type = params.type as TicketType | undefined;
  return (
    <PageShell className='success-page'>
      <View className='success'>
        <Text className='success__icon'>✓</Text>
        <Text className='success__title'>已收到您的{type && TYPE_LABELS[type] ? TYPE_LABELS[type] : '诉求'}</Text>
        <Text className='success__label'>诉求编号</Text>
        <Text className='success__no' selectable>
          {no}
        </Text>
        <Text className='field__hint'>请记下编号，打 12345 查询时也能用</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>接下来</Text>
        {nextSteps(type).map((s, i) => (
          <Text key={s} className='card__line'>
            {i + 1}. {s}
          </Text>
        ))}
        <Text className='card__line'>每一步都会在「我的诉求」里显示。</Text>
      </View>
      <Button className='btn btn--primary btn--big' onClick={() => Taro.redirectTo({ url: `/sub/ticket/detail/index?no=${encodeURIComponent(no)}` })}>
        查看办理进度
      </Button>
      <Button className='btn btn--secondary btn--big' onClick={() => Taro.reLaunch({ url: '/pages/index/index' })}>
        返回首页
      </Button>
    </PageShell>
  );
}
