/**
 * Suggestions against the dispatcher's choices: one row per (ticket, dispatch round), written
 * with a unique `_id` so a retried dispatch records once. Accuracy = Σ correct / count, as two
 * aggregations (FerretDB v1 computes only the first accumulator of a `$group`).
 */
import type { Connection, PipelineStage } from 'mongoose';
import type { DispatchSuggestion } from '@mashang/shared';
import { isDuplicateKey } from '../db/atomic';
import { dispatchOutcomeModel } from './model';

export interface DispatchOutcomeInput {
  ticketNo: string;
  /** 1 for the first dispatch, 2 after a return and re-dispatch… */
  round?: number;
  suggested: Pick<DispatchSuggestion, 'leadUnit' | 'coUnits' | 'category' | 'confidence'>;
  chosen: { leadUnit: string; coUnits?: string[] };
  at: Date;
}

/** Records one outcome; returns false when this ticket's round was recorded already. */
export async function recordDispatchOutcome(db: Connection, input: DispatchOutcomeInput): Promise<boolean> {
  const round = input.round ?? 1;
  try {
    await dispatchOutcomeModel(db).create({
      _id: `${input.ticketNo}:${round}`,
      ticketNo: input.ticketNo,
      round,
      suggested: { leadUnit: input.suggested.leadUnit, coUnits: input.suggested.coUnits, category: input.suggested.category, confidence: input.suggested.confidence },
      chosen: { leadUnit: input.chosen.leadUnit, coUnits: input.chosen.coUnits ?? [] },
      correct: input.suggested.leadUnit === input.chosen.leadUnit ? 1 : 0,
      at: input.at,
    });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export interface DispatchAccuracy {
  count: number;
  correct: number;
  /** correct / count, or null when nothing was dispatched in the period */
  accuracy: number | null;
}

export async function dispatchAccuracy(db: Connection, range: { from?: Date; to?: Date }): Promise<DispatchAccuracy> {
  const at = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
  const match: PipelineStage.Match = { $match: Object.keys(at).length ? { at } : {} };
  const model = dispatchOutcomeModel(db);
  const [counted] = await model.aggregate<{ n: number }>([match, { $count: 'n' }]);
  const [summed] = await model.aggregate<{ correct: number }>([match, { $group: { _id: null, correct: { $sum: '$correct' } } }]);
  const count = counted?.n ?? 0;
  const correct = summed?.correct ?? 0;
  return { count, correct, accuracy: count ? Math.round((correct / count) * 10000) / 10000 : null };
}
