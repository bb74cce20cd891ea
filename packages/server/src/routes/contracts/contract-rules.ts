import {
  contractRuleIssues,
  DomainError,
  type FieldIssue,
  implausibleDateReason,
  type IsoDate,
  type RunningContract,
} from '@mutualis/core';

/**
 * Refuses dates a request sets that cannot be true (a notification after today, a start more than
 * five years ahead, either more than 50 years ago), naming each field. Dates the request leaves
 * alone are not judged: an imported contract keeps its published dates.
 */
export function checkContractDates(dates: { notificationDate?: IsoDate | null; startDate?: IsoDate }, today: IsoDate): void {
  const issues: FieldIssue[] = [];
  const notified = dates.notificationDate ? implausibleDateReason('notificationDate', dates.notificationDate, today) : null;
  if (notified) issues.push({ field: 'notificationDate', reason: notified });
  const started = dates.startDate ? implausibleDateReason('contractStartDate', dates.startDate, today) : null;
  if (started) issues.push({ field: 'startDate', reason: started });
  if (issues.length > 0) throw DomainError.validation('Date invraisemblable.', issues);
}

/** Checks the cross-field rules of a running contract (core's `contractRuleIssues`, shared with the sheet import); throws `validation_failed` naming every bad field. */
export function checkContractRules(contract: Omit<RunningContract, 'id'>): Omit<RunningContract, 'id'> {
  const issues = contractRuleIssues(contract);
  if (issues.length > 0) throw DomainError.validation('Le contrat est incohérent.', issues);
  return contract;
}
