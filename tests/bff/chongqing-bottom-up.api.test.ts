import { buildTestApp, type TestApp } from '../support/app';
import { buildStaff } from '../support/builders/staff';
import { buildUnit } from '../support/builders/units';
import { act, bearer, buildCast, buildHandlingUnit, DAY, newCitizen, submit, sweepNow, type Cast, type UnitCast } from './sweeper-support';

/**
 * Chongqing's four levels (004 §4, §7-9): the request starts at the community (村（社区）代受理);
 * a unit that lacks the authority applies to the level above — community → street → 区县指挥中心 →
 * 市指挥中心 (the platform) — which takes it on itself, assigns it within its jurisdiction, refuses,
 * confirms it out of scope, or passes it up. A community's reply is its 办结申请: the street
 * approves it or takes the request on itself (004 §8 ¶2).
 */
describe('Chongqing bottom-up handling by level (004 §7-9)', () => {
  let t: TestApp;
  let cast: Cast;
  let district: UnitCast;
  let districtDept: UnitCast;
  let street: UnitCast;
  let community: UnitCast;
  let neighbour: UnitCast;
  let cityDept: UnitCast;
  let citizen: string;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'chongqing' }, '2026-11-24T09:00:00+08:00');
    cast = await buildCast(t, '重庆市');
    district = await buildHandlingUnit(t, cast, '渝中区');
    const deptId = (await buildUnit(t, cast.admin.token, { name: '渝中区住房城乡建委', level: 'district', kind: 'department', parent: district.id })).id;
    districtDept = { id: deptId, handler: await buildStaff(t, { roles: ['handler'], unit: deptId }) };
    const cityDeptId = (await buildUnit(t, cast.admin.token, { name: '重庆市住房城乡建委', level: 'city', kind: 'department', parent: cast.city })).id;
    cityDept = { id: cityDeptId, handler: await buildStaff(t, { roles: ['handler'], unit: cityDeptId }) };
    street = await buildHandlingUnit(t, cast, '解放碑街道', district.id, 'street');
    community = await buildHandlingUnit(t, cast, '较场口社区', street.id, 'community');
    neighbour = await buildHandlingUnit(t, cast, '七星岗社区', street.id, 'community');
    citizen = (await newCitizen(t)).token;
  });
  afterAll(() => t.close());

  /** Accepted by the 市指挥中心 and given to `unit` (the community, where the request arose). */
  async function atUnit(unit: UnitCast, content: string): Promise<string> {
    const no = await submit(t, citizen, content);
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: unit.id });
    return no;
  }
  const post = (token: string, no: string, action: string, body: Record<string, unknown> = {}) => t.http.post(`/api/admin/v1/tickets/${no}/${action}`).set(bearer(token)).send(body);
  const read = (token: string, no: string) => t.http.get(`/api/admin/v1/tickets/${no}`).set(bearer(token));

  it('004 §8 when a community finds a request outside its authority, then its 转请处理申请 (with the first check) goes to its street, which alone decides and may take it on itself', async () => {
    const no = await atUnit(community, '较场口社区背街小巷的下水道堵塞，污水漫到路面');
    const applied = await act(t, community.handler.token, no, 'request-return', { reason: '初步核查：管网属区市政设施，社区无权处置', grounds: 'outside-authority' });
    expect(applied).toMatchObject({ status: 'returning', reviewUnit: street.id, leadUnit: community.id });
    expect(applied.pendingReturn).toMatchObject({ unit: community.id, grounds: 'outside-authority' });

    // The street sees it in its queue and may decide; the 市指挥中心 and a neighbour may not.
    const listed = await t.http.get('/api/admin/v1/tickets?reviewPending=true').set(bearer(street.handler.token)).expect(200);
    expect(listed.body.items.map((i: { no: string }) => i.no)).toEqual([no]);
    expect((await t.http.get('/api/admin/v1/tickets/counts').set(bearer(street.handler.token)).expect(200)).body.reviewPending).toBe(1);
    expect((await t.http.get('/api/admin/v1/tickets?reviewPending=true').set(bearer(community.handler.token)).expect(200)).body.items).toEqual([]);
    const platform = await t.http.get('/api/admin/v1/tickets?reviewPending=true').set(bearer(cast.dispatcher.token)).expect(200);
    expect(platform.body.items.map((i: { no: string }) => i.no)).toEqual([no]);
    expect((await read(street.handler.token, no).expect(200)).body.ticket.allowedActions).toContain('decide-return');
    expect((await post(cast.dispatcher.token, no, 'decide-return', { approve: true }).expect(403)).body.error.code).toBe('NOT_YOUR_UNIT');
    await read(neighbour.handler.token, no).expect(404);

    // 「由本级受理承办」: the street handles it; the clock still runs from submission (004 §11).
    const taken = await act(t, street.handler.token, no, 'decide-return', { approve: true, transferTo: street.id, note: '本街道受理承办' });
    expect(taken).toMatchObject({ status: 'dispatched', leadUnit: street.id, reviewUnit: null, dueAt: applied.dueAt });
    await act(t, street.handler.token, no, 'sign');
  });

  it('004 §4(2), §4(3) when a community handles a request, then its street and district see it (read only) and a neighbouring community does not', async () => {
    const no = await atUnit(community, '较场口社区的垃圾分类亭损坏');
    for (const above of [street, district]) {
      const seen = await read(above.handler.token, no).expect(200);
      expect(seen.body.ticket.allowedActions).toEqual([]);
      const listed = await t.http.get(`/api/admin/v1/tickets?q=${no}`).set(bearer(above.handler.token)).expect(200);
      expect(listed.body.items.map((i: { no: string }) => i.no)).toEqual([no]);
    }
    expect((await post(street.handler.token, no, 'sign').expect(403)).body.error.code).toBe('NOT_YOUR_UNIT');
    await read(neighbour.handler.token, no).expect(404);
    expect((await t.http.get(`/api/admin/v1/tickets?q=${no}`).set(bearer(neighbour.handler.token)).expect(200)).body.items).toEqual([]);
  });

  it('004 §9 when the street assigns an application, then only to units within its own jurisdiction (分办, 主办 and 协办); a unit outside it is refused', async () => {
    const no = await atUnit(community, '较场口社区和七星岗社区交界处的垃圾无人清运');
    await act(t, community.handler.token, no, 'request-return', { reason: '垃圾点位属七星岗社区管理' });
    const outside = await post(street.handler.token, no, 'decide-return', { approve: true, transferTo: districtDept.id }).expect(422);
    expect(outside.body.error.message).toContain('004 §7');
    await post(street.handler.token, no, 'decide-return', { approve: true, transferTo: neighbour.id, coUnits: [districtDept.id] }).expect(422);
    await post(street.handler.token, no, 'decide-return', { approve: true, coUnits: [neighbour.id], note: '转请上级' }).expect(422);
    const assigned = await act(t, street.handler.token, no, 'decide-return', { approve: true, transferTo: neighbour.id, coUnits: [community.id] });
    expect(assigned).toMatchObject({ status: 'dispatched', leadUnit: neighbour.id, coUnits: [community.id], reviewUnit: null, returnCount: 1 });
    expect((await read(community.handler.token, no).expect(200)).body.ticket.allowedActions).toEqual(['co-result']);
  });

  it('004 §7, §9 when no level below has the authority, then the application passes up level by level, each with its reason, to the 市指挥中心, which assigns it anywhere', async () => {
    const no = await atUnit(community, '较场口社区旁的轨道交通施工夜间噪音扰民');
    await act(t, community.handler.token, no, 'request-return', { reason: '轨道交通施工不属社区事权' });
    expect((await post(street.handler.token, no, 'decide-return', { approve: true }).expect(422)).body.error.message).toContain('说明原因');
    expect((await post(street.handler.token, no, 'decide-return', { approve: false, transferTo: neighbour.id }).expect(422)).body.error.code).toBe('RULE_VIOLATION');
    const atDistrict = await act(t, street.handler.token, no, 'decide-return', { approve: true, note: '事权不在街道，转请区县指挥中心处理' });
    expect(atDistrict).toMatchObject({ status: 'returning', reviewUnit: district.id });
    expect((await post(street.handler.token, no, 'decide-return', { approve: true, note: '再次' }).expect(403)).body.error.code).toBe('NOT_YOUR_UNIT');

    const atCity = await act(t, district.handler.token, no, 'decide-return', { approve: true, note: '轨道交通属市级事权，转请市指挥中心' });
    expect(atCity).toMatchObject({ status: 'returning', reviewUnit: null });
    expect((atCity.pendingReturn as { passedUpBy: string[] }).passedUpBy).toEqual([street.id, district.id]);
    expect((atCity.timeline as Array<{ data?: Record<string, unknown> }>).at(-1)?.data).toMatchObject({ passedUpTo: 'platform', reviewUnit: district.id });

    const assigned = await act(t, cast.dispatcher.token, no, 'decide-return', { approve: true, transferTo: cityDept.id, note: '交市住房城乡建委办理' });
    expect(assigned).toMatchObject({ status: 'dispatched', leadUnit: cityDept.id });
  });

  it('004 §9 when a street or a district department applies, then the 区县指挥中心 reviews it; a district government’s own application goes to the 市指挥中心', async () => {
    const fromStreet = await atUnit(street, '解放碑街道辖区内的区管道路坑洼');
    expect(await act(t, street.handler.token, fromStreet, 'request-return', { reason: '区管道路由区住房城乡建委养护' })).toMatchObject({ reviewUnit: district.id });
    expect(await act(t, district.handler.token, fromStreet, 'decide-return', { approve: true, transferTo: districtDept.id })).toMatchObject({ status: 'dispatched', leadUnit: districtDept.id });

    expect(await act(t, districtDept.handler.token, fromStreet, 'request-return', { reason: '承办人与反映人有利害关系', grounds: 'recusal' })).toMatchObject({ reviewUnit: district.id });
    expect(await act(t, district.handler.token, fromStreet, 'decide-return', { approve: false, note: '已更换承办人，请继续办理' })).toMatchObject({ status: 'dispatched', leadUnit: districtDept.id, reviewUnit: null });

    const fromDistrict = await atUnit(district, '渝中区范围内的市级绿道设施损坏');
    expect(await act(t, district.handler.token, fromDistrict, 'request-return', { reason: '市级绿道由市级部门管理' })).toMatchObject({ status: 'returning', reviewUnit: null });
  });

  it('004 §8 when a community files a 不予受理申请, then the street that confirms it ends the request and the citizen is told why', async () => {
    const no = await atUnit(community, '我和邻居的房屋买卖合同纠纷，法院已经立案了');
    await act(t, community.handler.token, no, 'request-return', { reason: '初步核查：已进入诉讼程序', outOfScope: 'legal-procedure' });
    const ended = await act(t, street.handler.token, no, 'decide-return', { approve: true, rejectReason: 'legal-procedure', note: '该事项已进入诉讼程序，请通过法院解决' });
    expect(ended).toMatchObject({ status: 'rejected', rejectReason: { code: 'legal-procedure', note: '该事项已进入诉讼程序，请通过法院解决' } });
    const mine = await t.http.get(`/api/v1/tickets/${no}`).set(bearer(citizen)).expect(200);
    expect(mine.body.ticket).toMatchObject({ status: 'rejected', rejectReason: { code: 'legal-procedure' } });

    const other = await atUnit(community, '较场口社区的健身器材坏了');
    await act(t, community.handler.token, other, 'request-return', { reason: '器材属区体育局' });
    expect((await post(street.handler.token, other, 'decide-return', { approve: true, rejectReason: 'legal-procedure' }).expect(422)).body.error.code).toBe('RULE_VIOLATION');
  });

  it('004 §8 when a community has handled a request on its own list, then its reply is a 办结申请: the street approves it and the citizen rates (004 §12)', async () => {
    const no = await atUnit(community, '较场口社区楼道里堆放杂物，影响通行');
    await act(t, community.handler.token, no, 'sign');
    const replied = await act(t, community.handler.token, no, 'reply', { result: '已联系住户清理楼道杂物，楼道已畅通' });
    expect(replied).toMatchObject({ status: 'replied', reviewUnit: street.id });
    expect((await post(cast.operator.token, no, 'review', { approve: true }).expect(403)).body.error.code).toBe('NOT_YOUR_UNIT');
    expect(await act(t, street.handler.token, no, 'review', { approve: true, note: '符合办结标准' })).toMatchObject({ status: 'visiting', reviewUnit: null });
    await t.http.post(`/api/v1/tickets/${no}/rate`).set(bearer(citizen)).send({ satisfaction: 'satisfied' }).expect(200);
  });

  it('004 §8 when a community’s 办结申请 does not meet the standard, then the street handles the request itself, and its own reply goes to the platform', async () => {
    const no = await atUnit(community, '较场口社区的公共照明坏了半个月');
    await act(t, community.handler.token, no, 'sign');
    await act(t, community.handler.token, no, 'reply', { result: '已报修' });
    await post(street.handler.token, no, 'review', { approve: false }).expect(400);
    const taken = await act(t, street.handler.token, no, 'review', { approve: false, note: '仅报修未修复，不符合办结标准，由街道承办' });
    expect(taken).toMatchObject({ status: 'handling', leadUnit: street.id, reviewUnit: null });
    expect((taken.timeline as Array<{ data?: Record<string, unknown> }>).at(-1)?.data).toMatchObject({ approve: false, takenOverBy: street.id, unit: community.id });
    expect(await act(t, street.handler.token, no, 'reply', { result: '街道已组织维修，照明恢复' })).toMatchObject({ status: 'replied', reviewUnit: null });
    expect(await act(t, cast.operator.token, no, 'review', { approve: true })).toMatchObject({ status: 'visiting' });
  });

  it('004 §9 when a request under review ends another way (the citizen withdraws it), then nothing waits for the unit above any more', async () => {
    const no = await atUnit(community, '较场口社区门口共享单车乱停放');
    await act(t, community.handler.token, no, 'request-return', { reason: '共享单车由区城管局管理' });
    await t.http.post(`/api/v1/tickets/${no}/withdraw`).set(bearer(citizen)).send({ reason: '已经自行解决' }).expect(200);
    const detail = await read(cast.operator.token, no).expect(200);
    expect(detail.body.ticket).toMatchObject({ status: 'withdrawn', reviewUnit: null, reviewDueAt: null });
    const queue = await t.http.get('/api/admin/v1/tickets?reviewPending=true').set(bearer(street.handler.token)).expect(200);
    expect(queue.body.items.map((i: { no: string }) => i.no)).not.toContain(no);
  });

  it('004 §12 when a 12345 hotline request is answered, then the citizen is not asked to rate here: the visitor records the rating the source channel returns', async () => {
    const created = await t.http
      .post('/api/admin/v1/tickets')
      .set(bearer(cast.operator.token))
      .send({ type: 'help', content: '12345热线转来：解放碑街道某小区停水', channel: 'hotline', callerPhone: '13800138000' })
      .expect(201);
    const no = created.body.ticket.no as string;
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: street.id });
    await act(t, street.handler.token, no, 'sign');
    await act(t, street.handler.token, no, 'reply', { result: '已协调供水公司恢复供水' });
    const reviewed = await t.http.post(`/api/admin/v1/tickets/${no}/review`).set(bearer(cast.operator.token)).send({ approve: true }).expect(200);
    expect(reviewed.body.ticket.status).toBe('visiting');
    const detail = await read(cast.operator.token, no).expect(200);
    expect(detail.body.ticket.notices.map((n: { template: string }) => n.template)).not.toContain('rate-invited');
    expect(await act(t, cast.visitor.token, no, 'visit', { answered: true, satisfaction: 'satisfied', note: '12345热线回访结果：满意' })).toMatchObject({ status: 'closed' });
  });
});

describe('Chongqing: the unit above decides in time (004 §8 及时予以审核, §9 及时分办)', () => {
  let t: TestApp;
  let cast: Cast;
  let district: UnitCast;
  let street: UnitCast;
  let community: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'chongqing' }, '2026-11-24T09:00:00+08:00');
    cast = await buildCast(t, '重庆市');
    district = await buildHandlingUnit(t, cast, '渝中区');
    street = await buildHandlingUnit(t, cast, '解放碑街道', district.id, 'street');
    community = await buildHandlingUnit(t, cast, '较场口社区', street.id, 'community');
  });
  afterAll(() => t.close());

  const sweep = () => sweepNow(t);
  const missed = async (who: UnitCast, no: string) => {
    const res = await t.http.get('/api/admin/v1/notices?limit=100').set(bearer(who.handler.token)).expect(200);
    return (res.body.items as Array<{ ticketNo: string; kind: string; note: string | null }>).filter((n) => n.ticketNo === no && n.kind === 'application-review-missed');
  };

  it('004 §8, §9 when the street has not decided a community’s application by the next working day, then it is warned once; passed up, the district’s own clock starts', async () => {
    const citizen = (await newCitizen(t)).token;
    const no = await submit(t, citizen, '较场口社区背街的排水沟堵塞');
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: community.id });
    const applied = await act(t, community.handler.token, no, 'request-return', { reason: '排水管网不属社区事权' });
    expect(applied.reviewDueAt).toBe('2026-11-25T15:59:59.999Z');
    t.clock.advance(2 * DAY);
    await sweep();
    await sweep();
    const [warning, ...more] = await missed(street, no);
    expect(more).toEqual([]);
    expect(warning.note).toContain('平台规定');
    const up = await act(t, street.handler.token, no, 'decide-return', { approve: true, note: '转请区县指挥中心' });
    expect(up).toMatchObject({ reviewUnit: district.id, reviewDueAt: '2026-11-27T15:59:59.999Z' });
    await sweep();
    expect(await missed(district, no)).toEqual([]);
    t.clock.advance(2 * DAY);
    await sweep();
    expect(await missed(district, no)).toHaveLength(1);
    const taken = await act(t, district.handler.token, no, 'decide-return', { approve: true, transferTo: district.id });
    expect(taken).toMatchObject({ reviewUnit: null, reviewDueAt: null });
  });
});

describe('a profile without bottom-up handling (baiyin)', () => {
  let t: TestApp;
  let cast: Cast;
  let street: UnitCast;
  let community: UnitCast;

  beforeAll(async () => {
    t = await buildTestApp({ REGULATION_PROFILE: 'baiyin' }, '2026-11-24T09:00:00+08:00');
    cast = await buildCast(t, '白银市');
    const district = await buildHandlingUnit(t, cast, '白银区');
    street = await buildHandlingUnit(t, cast, '人民路街道', district.id, 'street');
    community = await buildHandlingUnit(t, cast, '金鱼公园社区', street.id, 'community');
  });
  afterAll(() => t.close());

  it('000 §12 when a community applies to return a request, then the platform decides it, not the street; a 不予受理申请 is not a unit’s to file', async () => {
    const citizen = (await newCitizen(t)).token;
    const no = await submit(t, citizen, '金鱼公园社区门口的路灯坏了');
    await act(t, cast.operator.token, no, 'accept');
    await act(t, cast.dispatcher.token, no, 'dispatch', { leadUnit: community.id });
    const refused = await t.http.post(`/api/admin/v1/tickets/${no}/request-return`).set(bearer(community.handler.token)).send({ reason: '已进入诉讼程序', outOfScope: 'legal-procedure' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    expect(await act(t, community.handler.token, no, 'request-return', { reason: '路灯属城管局' })).toMatchObject({ status: 'returning', reviewUnit: null });
    await t.http.post(`/api/admin/v1/tickets/${no}/decide-return`).set(bearer(street.handler.token)).send({ approve: true }).expect(403);
    expect(await act(t, cast.dispatcher.token, no, 'decide-return', { approve: true })).toMatchObject({ status: 'accepted', leadUnit: null });
  });
});
