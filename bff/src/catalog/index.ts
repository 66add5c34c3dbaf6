/** Public surface of the dispatch catalogue for other capabilities (tickets, stats, seed). */
export { suggestDispatch, suggestCategory, resolveAssignment, type SuggestDeps } from './suggest';
export { recordDispatchOutcome, dispatchAccuracy, type DispatchOutcomeInput, type DispatchAccuracy } from './outcomes';
export { findCategory, getCategory, listCategories, type CategoryView } from './service';
export { seedDemoCatalogAndScenes, type DemoSeedReport } from './demo-seed';
export { catalogRoutes } from './routes';
