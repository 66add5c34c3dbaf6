import type { Connection } from 'mongoose';
import type { Config } from '../config/config';
import type { Clock } from '../lib/clock';
import { WechatClient } from './client';

/** The client when the mini-program's appid and secret are configured; undefined in dev-login mode. */
export function createWechat(config: Config, db: Connection, clock: Clock): WechatClient | undefined {
  if (!config.WECHAT_APPID || !config.WECHAT_SECRET) return undefined;
  return new WechatClient({
    appid: config.WECHAT_APPID,
    secret: config.WECHAT_SECRET,
    baseUrl: config.WECHAT_API_BASE,
    db,
    clock,
    miniprogramState: config.WECHAT_MINIPROGRAM_STATE,
  });
}
