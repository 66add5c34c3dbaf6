/** The Open311 view of a ticket and the XML writer, as pure functions (issue 15). */
import { encryptPii } from '../../bff/src/crypto';
import { CONTACT_NAME_CONTEXT, type TicketDoc } from '../../bff/src/tickets/model';
import { chinaDateTime, requestView, WITHHELD } from '../../bff/src/open311/view';
import { escapeXml, toXml } from '../../bff/src/open311/xml';

const key = Buffer.alloc(32, 3);
const vc = { dataKey: key, unitNames: new Map([['u1', '城管局']]), categoryNames: new Map([['010101', '路灯照明']]) };

function ticket(over: Partial<TicketDoc> & { confidentialByDefault?: boolean } = {}): TicketDoc {
  const at = new Date('2026-11-24T01:00:00Z');
  return {
    no: '20261124-000001',
    type: 'complaint',
    status: 'handling',
    category: '010101',
    content: '我是王小明，手机13912345678，3号楼2单元501室门口路灯坏了，照片 https://x.example.com/a.jpg',
    contact: { nameEnc: encryptPii(key, '王小明', CONTACT_NAME_CONTEXT) },
    confidential: false,
    needsReview: false,
    leadUnit: 'u1',
    location: { address: '白银区人民路12号3号楼', lat: 36.5451234, lng: 104.1384567 },
    createdAt: at,
    updatedAt: at,
    dueAt: null,
    ...over,
  } as TicketDoc;
}

describe('Open311 request view', () => {
  test('when a ticket is public, then name, phone, house numbers and links are out of description and address, and the point is rounded', () => {
    const v = requestView(ticket(), vc);
    expect(v.description).not.toMatch(/王小明|13912345678|501|x\.example\.com/);
    expect(v.description).toContain('路灯坏了');
    expect(v.address).toBe('白银区人民路');
    expect([v.lat, v.long]).toEqual([36.545, 104.138]);
    expect(v).toEqual(expect.objectContaining({ status: 'open', status_notes: '办理中', service_name: '路灯照明', agency_responsible: '城管局', requested_datetime: '2026-11-24T09:00:00+08:00', media_url: null }));
  });

  test('when the citizen asked for confidentiality, then neither text nor place is shown; when they only gave no consent to show units who they are, then it is shown redacted', () => {
    expect(requestView(ticket({ confidential: true }), vc)).toEqual(expect.objectContaining({ description: WITHHELD, address: null, lat: null, long: null }));
    const byDefault = requestView(ticket({ confidential: true, confidentialByDefault: true }), vc);
    expect(byDefault.description).toContain('路灯坏了');
    expect(byDefault.description).not.toContain('王小明');
  });

  test('when a ticket is closed, rejected or merged, then status and status_notes say so', () => {
    expect(requestView(ticket({ status: 'closed', result: '已修复，联系13912345678' }), vc)).toEqual(expect.objectContaining({ status: 'closed', status_notes: '已办结：已修复，联系[电话已隐去]' }));
    expect(requestView(ticket({ status: 'withdrawn' }), vc).status).toBe('closed');
    expect(requestView(ticket({ mergedInto: '20261124-000009' }), vc).status_notes).toBe('已并入诉求 20261124-000009 一并办理');
  });

  test('when a time is written, then it is a W3C date-time in China time', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:05.999Z'))).toBe('2027-01-01T00:30:05+08:00');
  });
});

describe('Open311 XML writer', () => {
  test('when text carries markup or characters XML cannot hold, then it is escaped or dropped', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0008\uFFFE\uD800ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;ok');
  });

  test('when lists, nulls, booleans and numbers are written, then lists take their item elements and nulls are empty elements', () => {
    expect(toXml('services', [])).toBe('<?xml version="1.0" encoding="utf-8"?>\n<services></services>\n');
    expect(toXml('service_requests', [{ service_request_id: '1', lat: 36.5, metadata: true, zipcode: null }])).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<service_requests><request><service_request_id>1</service_request_id><lat>36.5</lat><metadata>true</metadata><zipcode/></request></service_requests>\n',
    );
    expect(() => toXml('unknown_list', [1])).toThrow(/no item element/);
  });
});
