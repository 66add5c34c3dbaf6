import { Text, View } from '@tarojs/components';
import { FOCUSABLE } from '../../components/focusable';
import { PageShell } from '../../components/page-shell';
import { GUIDE_INTRO, GUIDE_SECTIONS, GUIDE_TITLE } from '../../features/privacy/guide';

/**
 * The privacy guide, readable without logging in (the same text the WeChat console holds). Each
 * section takes the keyboard focus, so the long page scrolls without a touch screen too.
 */
export default function PrivacyGuidePage() {
  return (
    <PageShell className='privacy-page'>
      <View className='card'>
        <View className='card__title' role='heading' aria-level={1}>
          <Text>{GUIDE_TITLE}</Text>
        </View>
        <Text className='content-text'>{GUIDE_INTRO}</Text>
      </View>
      {GUIDE_SECTIONS.map((section) => (
        <View key={section.title} className='card' {...FOCUSABLE}>
          <View className='card__title' role='heading' aria-level={2}>
            <Text>{section.title}</Text>
          </View>
          {section.paragraphs.map((p) => (
            <Text key={p} className='privacy-page__paragraph'>
              {p}
            </Text>
          ))}
        </View>
      ))}
    </PageShell>
  );
}
