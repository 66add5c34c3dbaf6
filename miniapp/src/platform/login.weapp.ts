import Taro from '@tarojs/taro';

/** A one-time code from WeChat; the BFF trades it for the openid (jscode2session). */
export async function loginCode(): Promise<string> {
  const { code } = await Taro.login();
  return code;
}
