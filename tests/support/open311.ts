/** Helpers of the Open311 tests: a small catalogue, a registered client, and a minimal XML reader (no dependency). */
import type { TestApp } from './app';
import { bearer, type World } from './ticket-builders';

export interface Open311Setup {
  apiKey: string;
  clientId: string;
  /** Leaf service codes: 路灯照明 (lead = unit X) and 井盖 (lead = unit Y). */
  streetlight: string;
  manhole: string;
}

async function category(t: TestApp, token: string, body: object): Promise<string> {
  const res = await t.http.post('/api/admin/v1/catalog').set(bearer(token)).send(body);
  if (res.status !== 201) throw new Error(`category failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.category.code as string;
}

/** 城乡建设 / 市容环境 / {路灯照明, 井盖}, and one client registered through the admin API. */
export async function setupOpen311(w: World, requestsPerHour?: number): Promise<Open311Setup> {
  const { t, admin, units } = w;
  const top = await category(t, admin.token, { name: '城乡建设' });
  const mid = await category(t, admin.token, { name: '市容环境', parent: top });
  const streetlight = await category(t, admin.token, { name: '路灯照明', parent: mid, keywords: ['路灯', '照明'], assignments: [{ region: null, lead: units.x, coUnits: [] }] });
  const manhole = await category(t, admin.token, { name: '井盖', parent: mid, keywords: ['井盖'], assignments: [{ region: null, lead: units.y, coUnits: [] }] });
  const client = await registerClient(w, '测试客户端', requestsPerHour);
  return { apiKey: client.apiKey, clientId: client.id, streetlight, manhole };
}

export async function registerClient(w: World, name: string, requestsPerHour?: number): Promise<{ id: string; apiKey: string }> {
  const res = await w.t.http
    .post('/api/admin/v1/open311/clients')
    .set(bearer(w.admin.token))
    .send({ name, ...(requestsPerHour ? { requestsPerHour } : {}) });
  if (res.status !== 201) throw new Error(`client failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.client.id, apiKey: res.body.apiKey };
}

/** Tags balance and nest (declaration first): enough to tell a well-formed answer from a broken one. */
export function isWellFormed(xml: string): boolean {
  if (!xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')) return false;
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  if (/&(?!(amp|lt|gt|quot|apos);)/.test(body)) return false;
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w.-]*)(\/?)>|<|>/g)) {
    if (!m[2]) return false; // a bare < or > outside a tag
    if (m[3]) {
      if (!stack.length) roots++;
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) return false;
    } else {
      if (!stack.length) roots++;
      stack.push(m[2]);
    }
  }
  return stack.length === 0 && roots === 1;
}

const unescape = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of every `<tag>…</tag>` (leaf elements), in order; `<tag/>` gives ''. */
export function xmlValues(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>|<${tag}/>`, 'g'))].map((m) => unescape(m[1] ?? ''));
}

/** The children of each `<item>` element, as objects of leaf texts. */
export function xmlItems(xml: string, item: string): Array<Record<string, string>> {
  return [...xml.matchAll(new RegExp(`<${item}>(.*?)</${item}>`, 'gs'))].map((m) => {
    const out: Record<string, string> = {};
    for (const f of m[1].matchAll(/<(\w+)>([^<]*)<\/\1>|<(\w+)\/>/g)) out[f[1] ?? f[3]] = unescape(f[2] ?? '');
    return out;
  });
}
