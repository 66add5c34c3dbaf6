/** Sweeper steps that need no ticket: stale knowledge (001 §22(4)) and escalation of unanswered 督办 (000 §24). */
import { shanghaiDay } from '@mashang/shared';
import { staleKnowledgeByUnit } from '../knowledge';
import { AppError } from '../http/errors';
import { openUnitSupervision, overdueSupervisions } from '../supervision/service';
import { escalateWithTicket } from '../supervision/escalate';
import { SYSTEM_ACTOR, type SweepDeps } from './types';

/** One record per unit and month while the unit has published entries past their review date. */
export async function superviseStaleKnowledge(deps: SweepDeps): Promise<number> {
  const now = deps.clock.now();
  const period = shanghaiDay(now).slice(0, 7);
  let opened = 0;
  for (const group of await staleKnowledgeByUnit(deps.db, now)) {
    const note = `${group.count} 条知识库条目已过复核日期，请及时更新（001 §22(4)）`;
    const related = group.entries.slice(0, 20).map((e) => e.id);
    if ((await openUnitSupervision(deps, { unit: group.unit, trigger: 'knowledge-stale', period, note, related })).created) opened++;
  }
  return opened;
}

/** 000 §24: an automatic or manual 督办 still open after its feedback date goes to 政务督查. */
export async function escalateUnanswered(deps: SweepDeps): Promise<number> {
  let escalated = 0;
  for (const record of await overdueSupervisions(deps.db, deps.clock.now())) {
    try {
      await escalateWithTicket(deps, record, '督办逾期未办结，提交政务督查（000 §24）', SYSTEM_ACTOR);
      escalated++;
    } catch (err) {
      // A supervisor resolved or escalated it in the meantime: nothing left to do.
      if (!(err instanceof AppError && err.status === 409)) throw err;
    }
  }
  return escalated;
}
