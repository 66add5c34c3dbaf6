/** Public surface of the knowledge base for other capabilities (tickets, sweeper, seed). */
export { getKnowledgeEntry, findKnowledgeEntry, createKnowledgeEntry, publishKnowledgeEntry, type KnowledgeDeps } from './service';
export { staleKnowledgeByUnit, searchPublished, type StaleUnit, type KnowledgeHit } from './queries';
export { reindexKnowledge, rebuildKnowledgeIndex } from './indexer';
export { knowledgeRoutes } from './routes';
export type { KnowledgeEntry, KnowledgeEntryDoc } from './model';
