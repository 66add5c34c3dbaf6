import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { TEXT_LIMITS } from '@mashang/shared';
import { pickLocation } from '../platform/location';
import { ensurePrivacyConsent } from '../features/privacy/consent';
import { usePrivacyConsent } from '../features/privacy/use-privacy-consent';

interface Props {
  address: string;
  point?: { lat: number; lng: number; name?: string };
  onChange: (patch: { address?: string; point?: { lat: number; lng: number; name?: string } }) => void;
}

/** Where it is: filled from the code point, picked on the map (weapp) or located (browser), always editable. */
export function LocationField({ address, point, onChange }: Props) {
  const canLocate = usePrivacyConsent() !== 'declined';
  const locate = async () => {
    if (!(await ensurePrivacyConsent())) return;
    try {
      const picked = await pickLocation();
      if (!picked) return;
      const hasPoint = picked.latitude !== undefined && picked.longitude !== undefined;
      onChange({
        address: picked.address || address,
        point: hasPoint ? { lat: picked.latitude as number, lng: picked.longitude as number, name: picked.name } : point,
      });
      if (!picked.address) Taro.showToast({ title: '已定位，请再写一下具体地址', icon: 'none', duration: 3000 });
    } catch (e) {
      Taro.showToast({ title: (e as Error).message, icon: 'none', duration: 3000 });
    }
  };
  return (
    <View className='location-field'>
      <Input
        className='input'
        value={address}
        maxlength={TEXT_LIMITS.address}
        placeholder='例如：白银区人民路 12 号小区门口'
        onInput={(e) => onChange({ address: e.detail.value })}
        ariaLabel='详细地址'
      />
      {canLocate && (
        <Button className='btn btn--secondary' onClick={() => void locate()}>
          {point ? '重新定位' : '获取我的位置'}
        </Button>
      )}
      {point && <Text className='field__hint'>已记录位置{point.name ? `：${point.name}` : ''}</Text>}
    </View>
  );
}
