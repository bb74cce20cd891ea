import { alignCalendar, type CalendarResult } from '../calendar/align-calendar';
import { addDays } from '../calendar/iso-date';
import type { IsoDate, RunningContract } from '../domain/types';
import type { AnalysisParameters } from '../pooling/analysis-input';
import type { Opportunity } from '../pooling/opportunity';
import { totalTermMonths } from '../procedure/estimate-value';
import { type ProcedureResult, resolveProcedure } from '../procedure/resolve-procedure';

export interface AnalyseOpportunityOptions {
  opportunity: Opportunity;
  /** Running contracts of the opportunity's members in its family. */
  contracts: readonly RunningContract[];
  now: IsoDate;
  parameters: AnalysisParameters;
  delayMonths: Readonly<Record<string, number>>;
}

/** Procedure and calendar of one opportunity, resolved together. */
export interface OpportunityPlan {
  procedure: ProcedureResult;
  calendar: CalendarResult;
}

/**
 * Resolves the procedure at the scheduled launch date (R2121-3: thresholds of the date the
 * notice is sent). The procedure sets the lead time and the lead time sets the launch date, so
 * iterate from the earliest possible launch until the procedure kind is stable (at most 3 rounds).
 */
export function analyseOpportunity({ opportunity, contracts, now, parameters, delayMonths }: AnalyseOpportunityOptions): OpportunityPlan {
  const { leadTimes, contractTerm, thresholdTable, toleranceDays, quorumShare } = parameters;
  // Opportunity members are read as calendar and procedure members as they are (no per-member copy).
  const members = opportunity.members;
  const isWorks = opportunity.family.cpvCodes.length > 0 && opportunity.family.cpvCodes.every((c) => c.startsWith('45'));
  const resolveAt = (launchDate: IsoDate) => resolveProcedure({ members, term: contractTerm, launchDate, table: thresholdTable, isWorks });
  let launchDate = addDays(now, leadTimes.deliberationDays + leadTimes.deliberationToConventionDays + leadTimes.conventionToLaunchDays);
  let procedure = resolveAt(launchDate);
  const align = (procedureKind: ProcedureResult['kind']) =>
    alignCalendar({
      members,
      contracts,
      now,
      procedureKind,
      leadTimes,
      toleranceDays,
      quorumShare,
      delayMonths,
      termMonths: totalTermMonths(contractTerm),
      thresholdTable,
      isWorks,
    });
  let calendar = align(procedure.kind);
  for (let round = 0; round < 3; round += 1) {
    launchDate = calendar.schedule.find((s) => s.step === 'consultation_launch')?.date ?? launchDate;
    const next = resolveAt(launchDate);
    const isStable = next.kind === procedure.kind;
    procedure = next;
    if (isStable) break;
    calendar = align(procedure.kind);
  }
  return { procedure, calendar };
}
