/** Issue 13 "Done when": `REGULATION_PROFILE=<p> npm start` seeds its demo on each of the five profiles (the rejection uses a reason that profile lists: Heze's part 2 has only 001 §13(4)-(6)). */
import { PassThrough } from 'node:stream';
import { PROFILE_NAMES } from '@mashang/shared';
import { buildTestApp } from '../support/app';
import { seedDemoOnStart } from '../../bff/src/seed/startup';
import { seedDemoTickets } from '../../bff/src/seed/demo-tickets';
import { ticketModel } from '../../bff/src/tickets/model';

describe.each([...PROFILE_NAMES])('demo seed on %s', (profile) => {
  test('001 §13(6), 002 §17(4) when the demo city is seeded, then its ten tickets exist and the rejected one names a reason of the profile', async () => {
    const t = await buildTestApp({ REGULATION_PROFILE: profile });
    try {
      const outcome = await seedDemoOnStart(t.deps, new PassThrough());
      if (outcome.decision !== 'seeded') throw new Error(`expected a fresh seed, got ${outcome.decision}`);
      expect(await seedDemoTickets(t.deps, outcome.org)).toBe(10);
      const rejected = await ticketModel(t.db).findOne({ status: 'rejected' }).lean();
      expect(t.deps.profile.rejectReasons.value).toContain(rejected?.rejectReason?.code);
    } finally {
      await t.close();
    }
  });
});
