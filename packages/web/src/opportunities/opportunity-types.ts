// Shapes of the analysis API, from @mutualis/contract (types only: the bundle carries no zod).
import type {
  CoordinatorBoardDto,
  OpportunityDetailDto,
  OpportunityListDto,
  OpportunitySort,
  OpportunitySummaryDto,
  ScenarioBody,
  ScenarioResultDto,
} from '@mutualis/contract';

export type { OpportunitySort, ScenarioBody };
export type OpportunityList = OpportunityListDto;
export type OpportunitySummary = OpportunitySummaryDto;
export type OpportunityMember = OpportunitySummaryDto['members'][number];
export type OpportunityDetail = OpportunityDetailDto;
export type MemberEntry = OpportunityDetailDto['calendar']['members'][number];
export type ScheduleStep = OpportunityDetailDto['calendar']['schedule'][number];
export type Wave = OpportunityDetailDto['waveList'][number];
export type RunningContractRow = OpportunityDetailDto['runningContracts'][number];
/** The savings detail when the reader may see it (null otherwise, see `totalsWithheld`). */
export type SavingsDetail = NonNullable<OpportunityDetailDto['savingsDetail']>;
export type ProcedureDetail = OpportunityDetailDto['procedureDetail'];
export type SavingsRange = OpportunitySummaryDto['savings'];
export type ScenarioResult = ScenarioResultDto;
export type CoordinatorBoard = CoordinatorBoardDto;
