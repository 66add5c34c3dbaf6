/** Ticket lists: the citizen's own newest first, the staff list's filters and cursor pages. */
import { buildTestApp, type TestApp } from '../support/app';
import { bearer, buildTicket, buildWorld, must, ticketIn, type World } from '../support/ticket-builders';

let t: TestApp;
let w: World;
beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const nos = (body: { items: Array<{ no: string }> }) => body.items.map((i) => i.no);

/** Every page of a list, following nextCursor. */
async function allPages(path: string, token: string): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | null = null;
  do {
    const sep: string = path.includes('?') ? '&' : '?';
    const url: string = cursor ? `${path}${sep}cursor=${cursor}` : path;
    const res = await t.http.get(url).set(bearer(token)).expect(200);
    out.push(...nos(res.body));
    cursor = res.body.nextCursor;
  } while (cursor);
  return out;
}

describe('GET /api/v1/tickets (my requests)', () => {
  test('when a citizen has several requests, then they come newest first, page by page, without gaps or repeats', async () => {
    const c = w.citizenA;
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(60_000);
      made.push((await buildTicket(w, {}, c)).no);
    }
    const first = await t.http.get('/api/v1/tickets?limit=2').set(bearer(c.token)).expect(200);
    expect(nos(first.body)).toEqual([made[4], made[3]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect(await allPages('/api/v1/tickets?limit=2', c.token)).toEqual([...made].reverse());
  });

  test('when filtered by status, then only requests in that status come back', async () => {
    const c = w.citizenB;
    const open = await buildTicket(w, {}, c);
    const withdrawn = await buildTicket(w, {}, c);
    await must(w, c.token, withdrawn.no, 'withdraw', {});
    const res = await t.http.get('/api/v1/tickets?status=withdrawn').set(bearer(c.token)).expect(200);
    expect(nos(res.body)).toEqual([withdrawn.no]);
    expect(nos((await t.http.get('/api/v1/tickets?status=submitted').set(bearer(c.token)).expect(200)).body)).toEqual([open.no]);
  });

  test('when the cursor is not one of ours, then 400 INVALID_CURSOR', async () => {
    const res = await t.http.get(`/api/v1/tickets?cursor=${Buffer.from('x.y').toString('base64url')}`).set(bearer(w.citizenA.token)).expect(400);
    expect(res.body.error.code).toBe('INVALID_CURSOR');
  });
});

describe('GET /api/admin/v1/tickets (staff list)', () => {
  let inX: string;
  let inY: string;
  let consultation: string;
  beforeAll(async () => {
    inX = (await ticketIn(w, 'handling', { content: '甲街道人民路井盖松动，车辆经过噪音很大' })).no;
    const y = await ticketIn(w, 'accepted', { content: '菜市场门口占道经营，行人无法通过' });
    await must(w, w.dispatcher.token, y.no, 'dispatch', { leadUnit: w.units.y });
    inY = y.no;
    consultation = (await buildTicket(w, { type: 'consultation', content: '请问公租房申请需要什么条件' })).no;
  });

  test('when filtered by unit, then the unit\'s whole subtree counts (the district includes its street)', async () => {
    const district = await allPages(`/api/admin/v1/tickets?unit=${w.units.district}`, w.operator.token);
    expect(district).toContain(inX);
    expect(district).not.toContain(inY);
    expect(await allPages(`/api/admin/v1/tickets?unit=${w.units.y}`, w.operator.token)).toEqual([inY]);
  });

  test('when filtered by type and status, then only matching tickets come back', async () => {
    expect(await allPages('/api/admin/v1/tickets?type=consultation', w.operator.token)).toEqual([consultation]);
    const handling = await allPages('/api/admin/v1/tickets?status=handling', w.operator.token);
    expect(handling).toContain(inX);
    expect(handling).not.toContain(inY);
  });

  test('when searched with q, then words must all occur; a ticket number finds that ticket', async () => {
    expect(await allPages(`/api/admin/v1/tickets?q=${encodeURIComponent('井盖')}`, w.operator.token)).toEqual([inX]);
    expect(await allPages(`/api/admin/v1/tickets?q=${encodeURIComponent('占道经营')}`, w.operator.token)).toEqual([inY]);
    expect(await allPages(`/api/admin/v1/tickets?q=${encodeURIComponent('井盖 占道')}`, w.operator.token)).toEqual([]);
    expect(await allPages(`/api/admin/v1/tickets?q=${inY}`, w.operator.token)).toEqual([inY]);
  });

  test('when filtered by creation date, then a date means the whole China day', async () => {
    expect(await allPages('/api/admin/v1/tickets?from=2026-11-25', w.operator.token)).toEqual([]);
    expect(await allPages('/api/admin/v1/tickets?to=2026-11-23', w.operator.token)).toEqual([]);
    expect(await allPages('/api/admin/v1/tickets?from=2026-11-24&to=2026-11-24', w.operator.token)).toContain(inX);
  });

  test('when time passes the due date of a ticket still being handled, then overdue=true finds it and the view says so', async () => {
    const before = await allPages('/api/admin/v1/tickets?overdue=true', w.operator.token);
    expect(before).not.toContain(inX);
    const now = t.clock.now();
    t.clock.set('2027-01-20T09:00:00+08:00');
    try {
      const overdue = await allPages('/api/admin/v1/tickets?overdue=true', w.operator.token);
      expect(overdue).toEqual(expect.arrayContaining([inX, inY]));
      expect(overdue).not.toContain(consultation);
      expect(await allPages('/api/admin/v1/tickets?overdue=false', w.operator.token)).toContain(consultation);
      const view = await t.http.get(`/api/admin/v1/tickets/${inX}`).set(bearer(w.operator.token)).expect(200);
      expect(view.body.ticket.overdue).toBe(true);
    } finally {
      t.clock.set(now);
    }
  });

  test('when paged with a small limit, then every ticket comes exactly once, newest first', async () => {
    const all = await allPages('/api/admin/v1/tickets?limit=100', w.operator.token);
    const paged = await allPages('/api/admin/v1/tickets?limit=3', w.operator.token);
    expect(paged).toEqual(all);
    expect(new Set(paged).size).toBe(paged.length);
  });
});
