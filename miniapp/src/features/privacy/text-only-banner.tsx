import { Button, Text, View } from '@tarojs/components';
import { openPrivacyGuide } from '../../platform/privacy';
import { ensurePrivacyConsent } from './consent';
import { usePrivacyConsent } from './use-privacy-consent';

/** After a "disagree": says what still works (words) and how to change one's mind. */
export function TextOnlyBanner() {
  const consent = usePrivacyConsent();
  if (consent !== 'declined') return null;
  return (
    <View className='banner banner--text-only' role='note'>
      <Text className='banner__title'>您可以只用文字反映</Text>
      <Text className='banner__line'>您没有同意隐私保护指引，所以录音、照片、视频、定位暂时不能用。写清楚什么地方、什么事，一样能办理。</Text>
      <Button className='btn btn--secondary btn--inline' onClick={() => void ensurePrivacyConsent()}>
        改为同意，使用照片和录音
      </Button>
      <Button className='btn btn--text btn--inline' onClick={openPrivacyGuide}>
        查看指引
      </Button>
    </View>
  );
}
