import {
  ACTION_INPUT_SCHEMAS,
  ACTION_LABELS,
  CONTENT_LIMITS,
  MEDIA_LIMITS,
  OPEN_STATUSES,
  REJECT_REASONS,
  REJECT_REASON_CODES,
  SATISFACTION_LABELS,
  STATUS_LABELS,
  TERMINAL_STATUSES,
  TICKET_ACTIONS,
  TICKET_STATUSES,
  TYPE_HINTS,
  TYPE_LABELS,
  adminTicketListQuerySchema,
  citizenTicketListQuerySchema,
  createTicketSchema,
  dispatchInputSchema,
  isLandlinePhone,
  isMobilePhone,
  operatorCreateTicketSchema,
  rejectInputSchema,
  reviewInputSchema,
  staffCreateSchema,
  staffLoginSchema,
  unitCreateSchema,
  uploadRequestSchema,
  visitInputSchema,
  wechatLoginSchema,
} from '@mashang/shared';

const validTicket = { type: 'complaint', content: '小区门口夜间施工噪音扰民', attachments: [], idempotencyKey: 'abcdefgh-1' };

describe('enums and labels', () => {
  it('when listing statuses, then open and terminal statuses partition them', () => {
    expect([...OPEN_STATUSES, ...TERMINAL_STATUSES].sort()).toEqual([...TICKET_STATUSES].sort());
    expect(TERMINAL_STATUSES).toEqual(['closed', 'rejected', 'terminated', 'withdrawn']);
  });

  it('when a label map is read, then every value has a Chinese label', () => {
    for (const map of [TYPE_LABELS, TYPE_HINTS, STATUS_LABELS, ACTION_LABELS, SATISFACTION_LABELS]) {
      for (const label of Object.values(map)) expect(label).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(Object.keys(ACTION_LABELS)).toEqual([...TICKET_ACTIONS]);
    expect(ACTION_LABELS.accept).toBe('已受理');
    expect(SATISFACTION_LABELS).toEqual({ satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' });
  });

  it('002 §17 every reject reason cites at least one article', () => {
    for (const code of REJECT_REASON_CODES) {
      expect(REJECT_REASONS[code].cites.length).toBeGreaterThan(0);
      for (const cite of REJECT_REASONS[code].cites) expect(cite).toMatch(/^00[0-4] §\d+/);
    }
  });
});

describe('ticket payloads', () => {
  it('when a valid ticket is submitted, then strings are trimmed and attachments default to []', () => {
    const out = createTicketSchema.parse({ ...validTicket, content: `  ${validTicket.content}  `, attachments: undefined });
    expect(out.content).toBe(validTicket.content);
    expect(out.attachments).toEqual([]);
  });

  it('when content is too short or too long, then it is refused', () => {
    expect(createTicketSchema.safeParse({ ...validTicket, content: 'x'.repeat(CONTENT_LIMITS.min - 1) }).success).toBe(false);
    expect(createTicketSchema.safeParse({ ...validTicket, content: '长'.repeat(CONTENT_LIMITS.max + 1) }).success).toBe(false);
  });

  it('when an unknown key or a Mongo operator object is sent, then it is refused', () => {
    expect(createTicketSchema.safeParse({ ...validTicket, status: 'closed' }).success).toBe(false);
    expect(createTicketSchema.safeParse({ ...validTicket, type: { $ne: null } }).success).toBe(false);
    expect(createTicketSchema.safeParse({ ...validTicket, attachments: [{ $gt: '' }] }).success).toBe(false);
    expect(staffLoginSchema.safeParse({ username: { $ne: 'x' }, password: 'x' }).success).toBe(false);
    expect(citizenTicketListQuerySchema.safeParse({ status: { $ne: 'closed' } }).success).toBe(false);
  });

  it('when an attachment key tries to climb directories, then it is refused', () => {
    expect(createTicketSchema.safeParse({ ...validTicket, attachments: ['c/u1/../../etc/passwd'] }).success).toBe(false);
    expect(createTicketSchema.safeParse({ ...validTicket, attachments: ['c/u1/2f3a.jpg'] }).success).toBe(true);
  });

  it('when an operator keys in a hotline call, then the caller phone is required and normalized', () => {
    const out = operatorCreateTicketSchema.parse({ type: 'help', content: '家中停水三天了', callerPhone: '+86 138 0013 8000' });
    expect(out.callerPhone).toBe('13800138000');
    expect(out.channel).toBe('hotline');
    expect(operatorCreateTicketSchema.safeParse({ type: 'help', content: '家中停水三天了', callerPhone: '12345' }).success).toBe(false);
  });

  it('when phones are checked, then mainland mobiles and landlines with area code pass', () => {
    expect(isMobilePhone('13912345678')).toBe(true);
    expect(isMobilePhone('12912345678')).toBe(false);
    expect(isLandlinePhone('0943-8229929')).toBe(true);
    expect(isLandlinePhone('09438229929')).toBe(true);
    expect(isLandlinePhone('8229929')).toBe(false);
  });

  it('when list queries arrive as strings, then limit and overdue are converted', () => {
    expect(citizenTicketListQuerySchema.parse({ limit: '10' }).limit).toBe(10);
    expect(citizenTicketListQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
    const admin = adminTicketListQuerySchema.parse({ overdue: 'true', type: 'report', from: '2026-10-01', to: '2026-10-31T23:59:59+08:00' });
    expect(admin.overdue).toBe(true);
    expect(adminTicketListQuerySchema.safeParse({ overdue: 'yes' }).success).toBe(false);
  });
});

describe('uploads', () => {
  it('when an image is within 10 MB and a known type, then it passes', () => {
    expect(uploadRequestSchema.safeParse({ kind: 'image', mime: 'image/heic', size: MEDIA_LIMITS.image.maxBytes }).success).toBe(true);
    expect(uploadRequestSchema.safeParse({ kind: 'image', mime: 'image/gif', size: 1000 }).success).toBe(false);
    expect(uploadRequestSchema.safeParse({ kind: 'image', mime: 'image/png', size: MEDIA_LIMITS.image.maxBytes + 1 }).success).toBe(false);
  });

  it('when a video or voice recording exceeds 60 s or has no duration, then it is refused', () => {
    expect(uploadRequestSchema.safeParse({ kind: 'video', mime: 'video/mp4', size: 1000, duration: 60 }).success).toBe(true);
    expect(uploadRequestSchema.safeParse({ kind: 'video', mime: 'video/mp4', size: 1000, duration: 61 }).success).toBe(false);
    expect(uploadRequestSchema.safeParse({ kind: 'voice', mime: 'audio/mpeg', size: 1000 }).success).toBe(false);
    expect(uploadRequestSchema.safeParse({ kind: 'voice', mime: 'audio/mpeg', size: 3 * 1024 * 1024, duration: 10 }).success).toBe(false);
  });
});

describe('action bodies', () => {
  it('when the schemas are listed, then every action has one', () => {
    expect(Object.keys(ACTION_INPUT_SCHEMAS).sort()).toEqual([...TICKET_ACTIONS].sort());
  });

  it('when a reject has no note or an unknown code, then it is refused', () => {
    expect(rejectInputSchema.safeParse({ reasonCode: 'petition', note: '已进入信访程序' }).success).toBe(true);
    expect(rejectInputSchema.safeParse({ reasonCode: 'petition', note: '   ' }).success).toBe(false);
    expect(rejectInputSchema.safeParse({ reasonCode: 'because', note: 'x' }).success).toBe(false);
  });

  it('when the lead unit is also listed as co-unit, then dispatch is refused', () => {
    expect(dispatchInputSchema.safeParse({ leadUnit: 'u1', coUnits: ['u1'] }).success).toBe(false);
    expect(dispatchInputSchema.safeParse({ leadUnit: 'u1', coUnits: ['u2', 'u2'] }).success).toBe(false);
    expect(dispatchInputSchema.safeParse({ leadUnit: 'u1', coUnits: ['u2'] }).success).toBe(true);
  });

  it('when a review sends the reply back without a note, then it is refused', () => {
    expect(reviewInputSchema.safeParse({ approve: false }).success).toBe(false);
    expect(reviewInputSchema.safeParse({ approve: true }).success).toBe(true);
  });

  it('when an unanswered visit carries a satisfaction, then it is refused', () => {
    expect(visitInputSchema.safeParse({ answered: false, satisfaction: 'satisfied' }).success).toBe(false);
  });
});

describe('admin payloads', () => {
  it('when staff is created, then roles are known and the password is strong enough', () => {
    expect(staffCreateSchema.safeParse({ username: 'op1', password: 'abc1234567', name: '张三', roles: ['operator'] }).success).toBe(true);
    expect(staffCreateSchema.safeParse({ username: 'op1', password: 'abc12345', name: '张三', roles: ['operator'] }).success).toBe(false);
    expect(staffCreateSchema.safeParse({ username: 'op1', password: 'short1', name: '张三', roles: ['operator'] }).success).toBe(false);
    expect(staffCreateSchema.safeParse({ username: 'op1', password: 'abc1234567', name: '张三', roles: ['root'] }).success).toBe(false);
  });

  it('when a unit is created, then level is one of the tree levels', () => {
    expect(unitCreateSchema.safeParse({ name: '白银区', level: 'district', kind: 'government' }).success).toBe(true);
    expect(unitCreateSchema.safeParse({ name: '白银区', level: 9 }).success).toBe(false);
  });

  it('when a wechat code is sent, then only a plain code passes', () => {
    expect(wechatLoginSchema.safeParse({ code: '081abcDEF' }).success).toBe(true);
    expect(wechatLoginSchema.safeParse({ code: { $gt: '' } }).success).toBe(false);
  });
});
