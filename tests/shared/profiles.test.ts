import {
  PROFILE_NAMES,
  PROFILE_SOURCES,
  ProfileOverridesError,
  REJECT_REASONS,
  TERMINATION_REASONS,
  createWorkCalendar,
  deadlinesFor,
  emptyTicketFields,
  getProfile,
  isDueSoon,
  isOverdue,
  shanghaiDay,
  slaPreview,
  type DeadlineInput,
} from '@mashang/shared';

const sh = (local: string) => new Date(`${local}+08:00`);
const day = (d: Date | null) => (d ? shanghaiDay(d) : null);
const cal = createWorkCalendar();

/** Walks a value and reports every number whose enclosing object has no source. */
function unsourcedNumbers(value: unknown, path: string, parent: Record<string, unknown> | null, out: string[]): string[] {
  if (typeof value === 'number') {
    const sourced = parent && (typeof parent.cite === 'string' || parent.platformDefault === true || parent.overridden === true);
    if (!sourced) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unsourcedNumbers(v, `${path}[${i}]`, parent, out));
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) unsourcedNumbers(v, `${path}.${k}`, obj, out);
  }
  return out;
}

function ticket(overrides: Partial<DeadlineInput> = {}): DeadlineInput {
  const { extensions, round } = emptyTicketFields();
  return { type: 'complaint', channel: 'miniapp', class: null, createdAt: sh('2026-03-02T09:00:00'), extensions, round, ...overrides };
}

describe('regulation profiles', () => {
  it.each(PROFILE_NAMES)('when profile %s is loaded, then every number cites an article or is a platform default', (name) => {
    const profile = getProfile(name);
    expect(unsourcedNumbers(profile, name, null, [])).toEqual([]);
    expect(unsourcedNumbers(PROFILE_SOURCES[name], name, null, [])).toEqual([]);
  });

  it.each(PROFILE_NAMES)('when profile %s lists reasons, then each is a known code', (name) => {
    const p = getProfile(name);
    for (const code of p.rejectReasons.value) expect(REJECT_REASONS[code]).toBeDefined();
    for (const code of p.terminationReasons.value) expect(TERMINATION_REASONS[code]).toBeDefined();
  });

  it('003 §4 Pingdingshan refuses litigation, NPC/courts, military, petitions, internal matters, vague content', () => {
    expect(getProfile('pingdingshan').rejectReasons.value.sort()).toEqual(
      ['internal-administration', 'legal-procedure', 'legislature-judiciary', 'military', 'not-specific', 'petition'].sort(),
    );
  });

  it('002 §25 Liaoning lists the nine closure cases', () => {
    expect(getProfile('liaoning').terminationReasons.value).toHaveLength(9);
  });

  it('003 §28(4) four ranking groups: 县（市）and 区 last under 85 %, 市直 and 街道 last two under 80 % of the top score', () => {
    expect(getProfile('pingdingshan').ranking?.map((g) => [g.group, g.lastN, g.ratioOfTop])).toEqual([['county', 1, 0.85], ['district', 1, 0.85], ['department', 2, 0.8], ['street', 2, 0.8]]);
  });

  it('000 §28 Baiyin measures response, resolution and satisfaction; 002 §27 Liaoning seven metrics', () => {
    expect(getProfile('baiyin').metrics.value).toEqual(['response', 'resolution', 'satisfaction']);
    expect(getProfile('liaoning').metrics.value).toHaveLength(7);
  });

  it('when overrides change a number, then it is merged and marked overridden', () => {
    const p = getProfile('baiyin', { byType: { consultation: { final: { value: 3 } } }, returnWindow: { unit: 'clockHours', value: 48 } });
    expect(p.byType.consultation.final).toMatchObject({ unit: 'workingDays', value: 3, overridden: true });
    expect(p.returnWindow).toMatchObject({ unit: 'clockHours', value: 48, overridden: true });
    expect(p.byType.help.final?.value).toBe(15);
    expect(getProfile('baiyin').byType.consultation.final?.value).toBe(5);
  });

  it('when overrides add a rule the profile lacks, then it is accepted as overridden', () => {
    const p = getProfile('baiyin', { deemedSatisfied: { unansweredAttempts: 3, minGapHours: 2 } });
    expect(p.deemedSatisfied).toMatchObject({ unansweredAttempts: 3, overridden: true });
  });

  it('when overrides carry an unknown key or a wrong type, then ProfileOverridesError names the path', () => {
    expect(() => getProfile('baiyin', { retrunWindow: { value: 1 } })).toThrow(ProfileOverridesError);
    expect(() => getProfile('baiyin', { returnWindow: { value: 'two' } })).toThrow(/returnWindow\.value/);
    expect(() => getProfile('baiyin', { rejectReasons: { value: ['because'] } })).toThrow(ProfileOverridesError);
  });
});

describe('deadlines', () => {
  it('002 §19 complaint: stage reply 5 wd, final 15 wd from dispatch; acceptance notice 2 wd, dispatch 1 wd', () => {
    const p = getProfile('liaoning');
    const d = deadlinesFor(p, ticket({ acceptedAt: sh('2026-03-02T10:00:00'), dispatchedAt: sh('2026-03-02T11:00:00') }), sh('2026-03-02T11:00:00'), cal);
    expect(day(d.acceptanceNotice)).toBe('2026-03-04');
    expect(day(d.dispatch)).toBe('2026-03-03');
    expect(day(d.stageReply)).toBe('2026-03-09');
    expect(day(d.final)).toBe('2026-03-23');
    expect(d.dueAt).toEqual(d.final);
  });

  it('002 §19(1) consultation: 5 wd, no stage reply', () => {
    const d = deadlinesFor(getProfile('liaoning'), ticket({ type: 'consultation', dispatchedAt: sh('2026-03-02T11:00:00') }), new Date(), cal);
    expect(day(d.final)).toBe('2026-03-09');
    expect(d.stageReply).toBeNull();
  });

  it('004 §11 Chongqing: consultation 5 wd, others 15 wd counted from submission', () => {
    const p = getProfile('chongqing');
    const created = sh('2026-09-24T15:00:00');
    expect(day(deadlinesFor(p, ticket({ type: 'consultation', createdAt: created }), created, cal).final)).toBe('2026-10-09');
    expect(day(deadlinesFor(p, ticket({ type: 'report', createdAt: created }), created, cal).final)).toBe('2026-10-22');
  });

  it('004 §11 co-units report one working day before the deadline', () => {
    const created = sh('2026-09-24T15:00:00');
    const d = deadlinesFor(getProfile('chongqing'), ticket({ type: 'consultation', createdAt: created }), created, cal);
    expect(day(d.coResult)).toBe('2026-10-08');
  });

  it('003 §8 class A: 4 clock hours; B: 5 wd; C: plan in 5 wd and the centre sets the deadline', () => {
    const p = getProfile('pingdingshan');
    const dispatchedAt = sh('2026-03-02T09:00:00');
    expect(deadlinesFor(p, ticket({ class: 'A', dispatchedAt }), dispatchedAt, cal).final).toEqual(sh('2026-03-02T13:00:00'));
    expect(day(deadlinesFor(p, ticket({ class: 'B', dispatchedAt }), dispatchedAt, cal).final)).toBe('2026-03-09');
    const c = deadlinesFor(p, ticket({ class: 'C', dispatchedAt }), dispatchedAt, cal);
    expect(day(c.plan)).toBe('2026-03-09');
    expect(c.final).toBeNull();
    const fixed = deadlinesFor(p, ticket({ class: 'C', dispatchedAt, fixedDueAt: sh('2026-04-30T18:00:00') }), dispatchedAt, cal);
    expect(fixed.dueAt).toEqual(sh('2026-04-30T18:00:00'));
  });

  it('003 §14 leader-board and mailbox messages: 10 working days', () => {
    const dispatchedAt = sh('2026-03-02T09:00:00');
    const d = deadlinesFor(getProfile('pingdingshan'), ticket({ class: 'B', channel: 'leader-board', dispatchedAt }), dispatchedAt, cal);
    expect(day(d.final)).toBe('2026-03-16');
  });

  it('003 §16 follow-up visit within 2 working days of the approved reply, across National Day', () => {
    const d = deadlinesFor(getProfile('pingdingshan'), ticket({ repliedAt: sh('2026-09-30T09:00:00'), visitStartedAt: sh('2026-09-30T17:00:00') }), new Date(), cal);
    expect(day(d.followUp)).toBe('2026-10-09');
  });

  it('when an extension is approved, then dueAt moves by its working days and final stays', () => {
    const dispatchedAt = sh('2026-03-02T09:00:00');
    const extensions = [{ workingDays: 3, reason: 'x', requestedAt: dispatchedAt, unit: 'u1', round: 1, approved: true, decided: dispatchedAt }];
    const d = deadlinesFor(getProfile('chongqing'), ticket({ type: 'consultation', createdAt: dispatchedAt, extensions }), dispatchedAt, cal);
    expect(day(d.final)).toBe('2026-03-09');
    expect(day(d.dueAt)).toBe('2026-03-12');
  });

  it('when the deadline reaches into 2027, then calendarIncomplete is reported', () => {
    const createdAt = sh('2026-12-20T10:00:00');
    expect(deadlinesFor(getProfile('chongqing'), ticket({ createdAt }), createdAt, cal).calendarIncomplete).toBe(true);
  });

  it('when the due date has passed while the unit still holds the ticket, then it is overdue', () => {
    const dueAt = sh('2026-03-09T23:59:59');
    expect(isOverdue({ status: 'handling', dueAt }, sh('2026-03-10T00:00:01'))).toBe(true);
    expect(isOverdue({ status: 'handling', dueAt }, sh('2026-03-09T23:00:00'))).toBe(false);
    expect(isOverdue({ status: 'replied', dueAt }, sh('2026-03-10T00:00:01'))).toBe(false);
    expect(isDueSoon(getProfile('baiyin'), { status: 'handling', dueAt }, sh('2026-03-09T08:00:00'), cal)).toBe(true);
    expect(isDueSoon(getProfile('baiyin'), { status: 'handling', dueAt }, sh('2026-03-07T08:00:00'), cal)).toBe(false);
  });

  it('when previewing the SLA, then every stage comes with its rule and article', () => {
    const preview = slaPreview(getProfile('liaoning'), 'help', sh('2026-09-28T10:00:00'), cal);
    expect(day(preview.stageReply)).toBe('2026-10-10'); // Sat Oct 10 is a 调休 working day
    expect(day(preview.final)).toBe('2026-10-23');
    expect(preview.rules.final).toMatchObject({ value: 15, cite: '002 §19(2)' });
    expect(day(preview.followUp)).toBe('2026-10-27');
  });
});
