import { isDayjs } from 'dayjs';
import type { FieldSpec } from './action-fields';

/** Form values as the action's body: empty optional fields left out, date-times as ISO with offset. */
export function actionBody(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    body[f.name] = isDayjs(v) ? v.format() : typeof v === 'string' ? v : v;
  }
  return body;
}
