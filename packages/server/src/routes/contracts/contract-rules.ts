import { DomainError, type FieldIssue, type RunningContract } from '@mutualis/core';

/** Checks the cross-field rules of a running contract; throws `validation_failed` naming every bad field. */
export function checkContractRules(contract: Omit<RunningContract, 'id'>): Omit<RunningContract, 'id'> {
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
  if (issues.length > 0) throw DomainError.validation('Le contrat est incohérent.', issues);
  return contract;
}
