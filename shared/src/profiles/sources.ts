import type { Span } from './schema';

/** Short constructors so the profile files read like the regulations they transcribe. */

export const wd = (value: number, cite: string): Span => ({ unit: 'workingDays', value, cite });
export const hours = (value: number, cite: string): Span => ({ unit: 'clockHours', value, cite });
export const wdDefault = (value: number, note?: string): Span => ({ unit: 'workingDays', value, platformDefault: true, ...(note ? { note } : {}) });
export const hoursDefault = (value: number, note?: string): Span => ({ unit: 'clockHours', value, platformDefault: true, ...(note ? { note } : {}) });

export const cite = <T>(value: T, article: string, note?: string) => ({ value, cite: article, ...(note ? { note } : {}) });
export const platform = <T>(value: T, note?: string) => ({ value, platformDefault: true as const, ...(note ? { note } : {}) });

/** A rule with only a final deadline. */
export const finalOnly = (final: Span | null) => ({ final, stageReply: null, plan: null });
