/**
 * Human-readable ticket numbers `YYYYMMDD-NNNNNN`: the Asia/Shanghai day and a per-day
 * sequence. The `$inc` counter only proposes a candidate (FerretDB may repeat one under
 * contention); the unique index on `ticket_intake.no` is the guarantee across any number of
 * BFF instances. Reserving the number per intake (`<citizenId>:<idempotencyKey>`) makes every
 * retry of one submit converge on one number, so attachments are claimed for that number once.
 */
import type { Connection } from 'mongoose';
import { shanghaiDay } from '@mashang/shared';
import { allocateUnique, isDuplicateKey } from '../db/atomic';
import { readyIntakeModel } from './model';

export const formatTicketNo = (day: string, seq: number): string => `${day.replace(/-/g, '')}-${String(seq).padStart(6, '0')}`;

/** The number an earlier attempt of this intake reserved, if any (one `_id` lookup). */
export async function reservedTicketNo(db: Connection, intakeId: string): Promise<string | null> {
  const intake = await readyIntakeModel(db);
  return (await intake.findById(intakeId).lean())?.no ?? null;
}

/**
 * Reserves a fresh number for this intake, whose earlier reservation the caller found absent
 * (`reservedTicketNo`); a parallel attempt that reserved meanwhile wins, and its number is used.
 */
export async function reserveTicketNo(db: Connection, intakeId: string, now: Date): Promise<string> {
  const intake = await readyIntakeModel(db);
  const day = shanghaiDay(now);
  return allocateUnique(db, `ticket-no:${day}`, async (seq) => {
    const no = formatTicketNo(day, seq);
    try {
      await intake.create({ _id: intakeId, no, at: now });
      return no;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      // Another attempt of the same intake won: use its number. Otherwise the number was
      // taken: rethrow the duplicate so allocateUnique tries the next candidate.
      const winner = await intake.findById(intakeId).lean();
      if (winner) return winner.no;
      throw err;
    }
  });
}
