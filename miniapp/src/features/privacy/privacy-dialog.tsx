import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { openPrivacyGuide, PrivacyAgreeButton } from '../../platform/privacy';
import { decidePrivacy, onPrivacyAsked } from './consent';

/**
 * The one consent dialog, shown when the platform asks (WeChat's onNeedPrivacyAuthorization, or
 * the h5 app before a browser privacy interface): what is used and why in plain words, the guide
 * one tap away, agree, and a clear disagree that keeps the text-only way open.
 */
export function PrivacyDialog() {
  const [open, setOpen] = useState(false);
  useEffect(() => onPrivacyAsked(setOpen), []);
  if (!open) return null;
  return (
    <View className='privacy-dialog' role='dialog' aria-modal='true' aria-labelledby='privacy-dialog-title'>
      <View className='privacy-dialog__box'>
        <Text className='privacy-dialog__title' id='privacy-dialog-title'>
          请先阅读隐私保护指引
        </Text>
        <Text className='privacy-dialog__text'>
          录音、拍照、选照片或视频、定位和微信手机号，会用到您的个人信息。这些信息只用于办理您反映的这件事，姓名和电话加密保存。
        </Text>
        <Button className='btn btn--text privacy-dialog__guide' onClick={openPrivacyGuide}>
          查看《隐私保护指引》
        </Button>
        <PrivacyAgreeButton className='btn btn--primary btn--big' onAgree={() => decidePrivacy(true)}>
          同意并继续
        </PrivacyAgreeButton>
        <Button className='btn btn--secondary btn--big' onClick={() => decidePrivacy(false)}>
          不同意，只用文字反映
        </Button>
      </View>
    </View>
  );
}
