/** Names for the accountability answers (003 §26-29, 000 §26), taken from the generated schema. */
import type { paths } from '../../api/schema';
import type { Json as Ok } from '../../api/types';

export type Ranking = Ok<'/api/admin/v1/rankings/{period}', 'get'>['ranking'];
export type RankingGroup = Ranking['groups'][number];
export type RankedUnit = RankingGroup['units'][number];
export type Accountability = Ok<'/api/admin/v1/accountability', 'get'>;
export type UnitAccountability = Accountability['units'][number];
export type Escalation = UnitAccountability['escalations'][number];
export type PendingInterview = Accountability['pending'][number];
export type Interview = Ok<'/api/admin/v1/interviews', 'get'>['items'][number];
export type InterviewBody = paths['/api/admin/v1/interviews']['post']['requestBody']['content']['application/json'];
export type InterviewGround = InterviewBody['ground'];
