import { contractRuleIssues, DomainError, type RunningContract } from '@mutualis/core';

/** Checks the cross-field rules of a running contract (core's `contractRuleIssues`, shared with the sheet import); throws `validation_failed` naming every bad field. */
export function checkContractRules(contract: Omit<RunningContract, 'id'>): Omit<RunningContract, 'id'> {
  const issues = contractRuleIssues(contract);
  if (issues.length > 0) throw DomainError.validation('Le contrat est incohérent.', issues);
  return contract;
}
