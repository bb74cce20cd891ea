import type { FieldIssue } from '../errors/domain-error';
import type { RunningContract } from '../domain/types';

type ContractDates = Pick<RunningContract, 'renewalsUsed' | 'renewalCount' | 'renewalMonths' | 'notificationDate' | 'startDate'>;

/** The cross-field rules of a running contract, one French reason per broken rule (empty when it holds together). */
export function contractRuleIssues(contract: ContractDates): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (contract.renewalsUsed > contract.renewalCount) {
    issues.push({ field: 'renewalsUsed', reason: 'Plus de reconductions exercées que de reconductions prévues.' });
  }
  if (contract.renewalCount > 0 && contract.renewalMonths === 0) {
    issues.push({ field: 'renewalMonths', reason: 'Précisez la durée de chaque reconduction.' });
  }
  if (contract.notificationDate !== null && contract.notificationDate > contract.startDate) {
    issues.push({ field: 'notificationDate', reason: 'La notification ne peut pas suivre le début d’exécution.' });
  }
  return issues;
}
