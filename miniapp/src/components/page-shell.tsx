import { View, Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useLargeText } from '../hooks/use-large-text';
import { useOnline } from '../hooks/use-online';
import { PrivacyDialog } from '../features/privacy/privacy-dialog';

interface Props {
  children: ReactNode;
  className?: string;
}

/** Every page's root: applies large-text mode, says plainly when the phone is offline, and holds the privacy dialog. */
export function PageShell({ children, className }: Props) {
  const [large] = useLargeText();
  const online = useOnline();
  return (
    <View className={`page ${large ? 'page--large' : ''} ${className ?? ''}`}>
      {!online && (
        <View className='offline-banner' role='alert'>
          <Text>网络已断开，恢复后会自动重新加载</Text>
        </View>
      )}
      {children}
      <PrivacyDialog />
    </View>
  );
}
