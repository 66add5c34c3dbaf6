/**
 * What a staff password must be (issue 17): at least 10 characters (the shared schema), not
 * containing the username, and not one of the ~49,000 passwords people use most (the common
 * list that zxcvbn-ts keeps, @zxcvbn-ts/language-common), compared case-insensitively.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../http/errors';

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/** The policy in words, for the description of every operation that sets a staff password. */
export const STAFF_PASSWORD_POLICY =
  'Password policy: at least 10 characters with letters and digits (400 VALIDATION_FAILED), not containing the username and not a common password (400 WEAK_PASSWORD, `details.reason` contains-username or common).';

export type PasswordProblem = 'contains-username' | 'common';

export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'contains-username';
  if (COMMON.has(lower)) return 'common';
  return null;
}

/** 400 WEAK_PASSWORD naming the rule, for a new or reset staff password. */
export function assertPasswordPolicy(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem === 'contains-username') throw new AppError(400, 'WEAK_PASSWORD', '密码不能包含用户名', { reason: problem });
  if (problem === 'common') throw new AppError(400, 'WEAK_PASSWORD', '密码过于常见，请换一个', { reason: problem });
}
