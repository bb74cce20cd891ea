import { DomainError, type FieldIssue } from '@mutualis/core';

export interface CheckGroupementMembersOptions {
  memberIds: readonly string[];
  coordinatorIds: readonly string[];
  /** Organizations that may be members (those of the groupement's territory). */
  territoryOrganizationIds: readonly string[];
}

/** Throws `validation_failed` unless there are two members or more, all of the territory, and every coordinator is a member. */
export function checkGroupementMembers({ memberIds, coordinatorIds, territoryOrganizationIds }: CheckGroupementMembersOptions): void {
  const inTerritory = new Set(territoryOrganizationIds);
  const members = new Set(memberIds);
  const issues: FieldIssue[] = [];
  if (members.size < 2) issues.push({ field: 'memberIds', reason: 'Un groupement compte au moins deux membres.' });
  const strangers = memberIds.filter((id) => !inTerritory.has(id));
  if (strangers.length > 0) issues.push({ field: 'memberIds', reason: `Organisations hors du territoire : ${strangers.join(', ')}.` });
  const outsiders = coordinatorIds.filter((id) => !members.has(id));
  // L2113-7: the coordinator is one of the members of the groupement.
  if (outsiders.length > 0) issues.push({ field: 'coordinatorIds', reason: 'Le coordonnateur doit être membre du groupement.' });
  if (issues.length > 0) throw DomainError.validation('Composition du groupement invalide.', issues);
}
