import type { z } from 'zod';

export interface FieldIssue {
  name: [string];
  errors: string[];
}

type Issue = z.core.$ZodIssue;

/** "Please fill in / choose X" for a missing value; the schema's own (Chinese) message otherwise. */
function say(issue: Issue, value: unknown, label: string | undefined): string {
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (label && empty && (issue.code === 'too_small' || issue.code === 'invalid_type')) return `请填写${label}`;
  if (label && empty && issue.code === 'invalid_value') return `请选择${label}`;
  return issue.message;
}

/**
 * The issues of a shared schema as antd form field errors (the first path segment names the
 * field), so the page checks exactly what the server will check.
 */
export function zodFieldErrors(schema: z.ZodType, values: Record<string, unknown>, labels: Record<string, string> = {}): FieldIssue[] {
  const res = schema.safeParse(values);
  if (res.success) return [];
  const byField = new Map<string, string[]>();
  for (const issue of res.error.issues) {
    const field = String(issue.path[0] ?? '_');
    byField.set(field, [...(byField.get(field) ?? []), say(issue, values[field], labels[field])]);
  }
  return [...byField].map(([field, errors]) => ({ name: [field], errors }));
}
