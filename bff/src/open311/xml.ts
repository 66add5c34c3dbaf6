/**
 * The small XML writer GeoReport v2 needs (XML is the spec's required format): elements only,
 * no attributes or namespaces. Objects become child elements in key order, arrays a list of
 * elements named by `LIST_ITEMS`, null an empty element. Text is escaped, and characters XML 1.0
 * cannot carry (control characters, lone surrogates, U+FFFE/U+FFFF) are dropped.
 */

/** A scalar, a list, or any plain object (the views' interfaces, whose fields are XmlValues in turn). */
export type XmlValue = string | number | boolean | null | undefined | readonly XmlValue[] | object;

/** The element of each item of a list element (spec names: services/service, attributes/attribute…). */
const LIST_ITEMS: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export const escapeXml = (text: string): string => text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]);

function element(name: string, value: XmlValue): string {
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  if (Array.isArray(value)) {
    const list: readonly XmlValue[] = value;
    const item = LIST_ITEMS[name];
    if (!item) throw new Error(`no item element for list <${name}>`);
    return `<${name}>${list.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object') return `<${name}>${Object.entries(value as Record<string, XmlValue>).map(([k, v]) => element(k, v)).join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A document with its declaration: `toXml('services', rows)` → `<services><service>…</service></services>`. */
export function toXml(root: string, value: XmlValue): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${element(root, value)}\n`;
}
