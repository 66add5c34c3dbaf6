import Taro from '@tarojs/taro';
import { Button } from '@tarojs/components';
import { bindPhone } from '../services/api';
import { messageOf } from '../services/errors';

/** 微信手机号快捷填写: WeChat gives a one-time code, the BFF trades it for the verified number. */
export function PhoneButton({ onPhone }: { onPhone: (phone: string) => void }) {
  return (
    <Button
      className='btn btn--secondary'
      openType='getPhoneNumber'
      onGetPhoneNumber={(e) => {
        const code = (e.detail as { code?: string }).code;
        if (!code) return;
        bindPhone(code)
          .then((me) => me.phone && onPhone(me.phone))
          .catch((err: unknown) => Taro.showToast({ title: messageOf(err), icon: 'none' }));
      }}
    >
      使用微信绑定的手机号
    </Button>
  );
}
