/** Names for the answers the pages use, all taken from the generated schema. */
import type { paths } from './schema';

/** The JSON body of a documented answer (200 unless named). */
export type Json<P extends keyof paths, M extends keyof paths[P], S extends number = 200> = paths[P][M] extends { responses: infer R }
  ? R extends Record<S, { content: { 'application/json': infer B } }>
    ? B
    : never
  : never;

export type Staff = Json<'/api/admin/v1/me', 'get'>['staff'];
export type StaffTicket = Json<'/api/admin/v1/tickets/{no}', 'get'>['ticket'];
export type TicketSummary = Json<'/api/admin/v1/tickets', 'get'>['items'][number];
export type TimelineEntry = StaffTicket['timeline'][number];
export type Attachment = StaffTicket['attachments'][number];
export type TicketListQuery = NonNullable<paths['/api/admin/v1/tickets']['get']['parameters']['query']>;
export type QueueCounts = Json<'/api/admin/v1/tickets/counts', 'get'>;
export type CountsQuery = NonNullable<paths['/api/admin/v1/tickets/counts']['get']['parameters']['query']>;
export type Unit = Json<'/api/admin/v1/units/{id}', 'get'>['unit'];
export type DispatchSuggestion = Json<'/api/admin/v1/tickets/{no}/dispatch-suggestion', 'get'>['suggestion'];
export type UnitStats = Json<'/api/admin/v1/stats/units', 'get'>;
export type StaffNotice = Json<'/api/admin/v1/notices', 'get'>['items'][number];
export type Hotspots = Json<'/api/admin/v1/stats/hotspots', 'get'>;
export type SupervisionRecord = Json<'/api/admin/v1/supervisions', 'get'>['items'][number];
export type KnowledgeHit = Json<'/api/admin/v1/knowledge', 'get'>['items'][number];
export type OperatorCreateBody = NonNullable<paths['/api/admin/v1/tickets']['post']['requestBody']>['content']['application/json'];
type Body<P extends keyof paths> = paths[P] extends { post: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type UnitCreateBody = Body<'/api/admin/v1/units'>;
export type StaffCreateBody = Body<'/api/admin/v1/staff'>;
export type CaseRecord = Json<'/api/admin/v1/cases/{id}', 'get'>['case'];
export type Category = Json<'/api/admin/v1/catalog', 'get'>['items'][number];
export type Scene = Json<'/api/admin/v1/scenes', 'get'>['items'][number];
export type KnowledgeEntry = Json<'/api/admin/v1/knowledge/{id}', 'get'>['entry'];
export type CaseCreateBody = Body<'/api/admin/v1/cases'>;
export type CategoryCreateBody = Body<'/api/admin/v1/catalog'>;
export type KnowledgeCreateBody = Body<'/api/admin/v1/knowledge'>;
export type SceneCreateBody = Body<'/api/admin/v1/scenes'>;
type PatchBody<P extends keyof paths> = paths[P] extends { patch: { requestBody?: { content: { 'application/json': infer B } } } } ? B : never;
export type CasePatchBody = PatchBody<'/api/admin/v1/cases/{id}'>;
export type CategoryPatchBody = PatchBody<'/api/admin/v1/catalog/{code}'>;
export type KnowledgePatchBody = PatchBody<'/api/admin/v1/knowledge/{id}'>;
export type UnitPatchBody = PatchBody<'/api/admin/v1/units/{id}'>;
export type StaffPatchBody = PatchBody<'/api/admin/v1/staff/{id}'>;
