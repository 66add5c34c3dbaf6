/** Staff roles of the platform and the handling units. */
export const STAFF_ROLES = ['admin', 'operator', 'dispatcher', 'handler', 'supervisor', 'visitor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  admin: '系统管理员',
  operator: '受理员',
  dispatcher: '派单员',
  handler: '承办人员',
  supervisor: '督办员',
  visitor: '回访员',
};

/** Who is acting: a citizen (by id) or a staff member with roles and, for unit staff, a unit. */
export type Actor =
  | { kind: 'citizen'; id: string }
  | { kind: 'staff'; id: string; roles: StaffRole[]; unit?: string; name?: string }
  | { kind: 'system'; id: 'system' };
