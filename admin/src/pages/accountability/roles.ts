import { STAFF_ROLES, type StaffRole } from '@mashang/shared';

/**
 * Who sees 排名与约谈: every staff member reads the published rankings and the interview register
 * (the API's GETs take any staff token); supervisors and admins publish a ranking and record an
 * interview (the POSTs' roles).
 */
export const ACCOUNTABILITY_ROLES = {
  read: STAFF_ROLES,
  write: ['supervisor', 'admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
