import type { Config } from '../config/config';
import type { NoticeFields, NoticeTemplate } from './model';

const TEMPLATE_VARS: Record<NoticeTemplate, keyof Config> = {
  accepted: 'WECHAT_TEMPLATE_ACCEPTED',
  dispatched: 'WECHAT_TEMPLATE_DISPATCHED',
  replied: 'WECHAT_TEMPLATE_REPLIED',
  supplement: 'WECHAT_TEMPLATE_SUPPLEMENT',
  rejected: 'WECHAT_TEMPLATE_REJECTED',
  closed: 'WECHAT_TEMPLATE_CLOSED',
  progress: 'WECHAT_TEMPLATE_PROGRESS',
};

export const templateVar = (template: NoticeTemplate): string => TEMPLATE_VARS[template];

export function templateIdFor(config: Config, template: NoticeTemplate): string | undefined {
  const value = config[TEMPLATE_VARS[template]];
  return typeof value === 'string' && value ? value : undefined;
}

/**
 * Our fields → the keys of the templates chosen in the WeChat console. The default suits a
 * 「工单状态通知」-style template; WECHAT_TEMPLATE_FIELDS overrides it (config validates the JSON).
 */
export const DEFAULT_TEMPLATE_FIELDS: Readonly<Record<keyof NoticeFields, string>> = {
  no: 'character_string1',
  title: 'thing2',
  status: 'phrase3',
  time: 'time4',
  note: 'thing5',
};

/** WeChat rejects over-long values per key type (47003); cut them to fit instead. */
const MAX_CHARS: Array<{ prefix: string; max: number; ellipsis: boolean }> = [
  { prefix: 'thing', max: 20, ellipsis: true },
  { prefix: 'phrase', max: 5, ellipsis: false },
  { prefix: 'name', max: 10, ellipsis: false },
  { prefix: 'character_string', max: 32, ellipsis: false },
];

function fit(key: string, value: string): string {
  const rule = MAX_CHARS.find((r) => key.startsWith(r.prefix));
  const chars = [...value];
  if (!rule || chars.length <= rule.max) return value;
  return rule.ellipsis ? `${chars.slice(0, rule.max - 1).join('')}…` : chars.slice(0, rule.max).join('');
}

export function templateData(config: Config, fields: NoticeFields): Record<string, { value: string }> {
  const keys = config.WECHAT_TEMPLATE_FIELDS ? { ...DEFAULT_TEMPLATE_FIELDS, ...(JSON.parse(config.WECHAT_TEMPLATE_FIELDS) as Record<string, string>) } : DEFAULT_TEMPLATE_FIELDS;
  const data: Record<string, { value: string }> = {};
  for (const [name, value] of Object.entries(fields) as Array<[keyof NoticeFields, string | undefined]>) {
    const key = keys[name];
    if (key && value) data[key] = { value: fit(key, value) };
  }
  return data;
}
