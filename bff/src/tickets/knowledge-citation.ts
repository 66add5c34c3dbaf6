/**
 * 即时答复 from the knowledge base (000 §10, 002 §18): an operator's `answer` may cite an entry.
 * Only a published entry can be cited; the timeline keeps its id and question as they were
 * when the citizen was answered, so the citizen's detail can link it (004 §4 traceable).
 */
import type { ActionInput, TicketAction } from '@mashang/shared';
import { unprocessable } from '../http/errors';
import { findKnowledgeEntry } from '../knowledge';
import type { TicketDeps } from './deps';

export interface KnowledgeCitation {
  knowledgeId: string;
  knowledgeQuestion: string;
}

/** The citation of an `answer`, or null; 422 KNOWLEDGE_ENTRY_NOT_FOUND unless the entry exists and is published. */
export async function knowledgeCitation(deps: Pick<TicketDeps, 'db'>, action: TicketAction, input: unknown): Promise<KnowledgeCitation | null> {
  const id = action === 'answer' ? (input as ActionInput<'answer'>).knowledgeId : undefined;
  if (!id) return null;
  const entry = await findKnowledgeEntry(deps.db, id);
  if (!entry || entry.status !== 'published') throw unprocessable('KNOWLEDGE_ENTRY_NOT_FOUND', '引用的知识库条目不存在或未发布', { knowledgeId: id });
  return { knowledgeId: entry._id, knowledgeQuestion: entry.question };
}
