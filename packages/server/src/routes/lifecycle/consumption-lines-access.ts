import { DomainError } from '@mutualis/core';
import type { Actor } from '../../authz/actor';
import { authorize } from '../../authz/policy';
import type { ConsumptionInput, LoadedLifecycle } from '../../lifecycle';

/**
 * An imported consumption file follows the manual route's rule, line by line: the caller must be
 * allowed `lifecycle.consume` for each line's organization (a member buyer: its own only). Lines
 * for another organization make the whole file refused with 403, naming them; nothing is written.
 */
export function refuseOtherOrganizationsLines(
  actor: Actor,
  loaded: LoadedLifecycle,
  entries: readonly ConsumptionInput[],
  fileName: string,
): void {
  const territoryIds = [loaded.groupement.territoryId];
  const allowed = new Map<string, boolean>();
  const refused = entries.filter((entry) => {
    let isAllowed = allowed.get(entry.organizationId);
    if (isAllowed === undefined) {
      isAllowed = authorize(actor, 'lifecycle.consume', { territoryIds, organizationId: entry.organizationId }) === 'allow';
      allowed.set(entry.organizationId, isAllowed);
    }
    return !isAllowed;
  });
  if (refused.length === 0) return;
  const names = [...new Set(refused.map((e) => loaded.organizations.get(e.organizationId)?.name ?? e.organizationId))];
  throw new DomainError(
    'forbidden',
    `Vous ne pouvez saisir que les consommations de votre organisation : ${refused.length} ligne(s) concernent ${names.join(', ')}.`,
    {
      issues: refused.map((e) => ({
        field: 'file',
        file: fileName,
        ...(e.line === undefined ? {} : { line: e.line }),
        reason: `Ligne d’une autre organisation (${loaded.organizations.get(e.organizationId)?.name ?? e.organizationId}) : votre rôle ne permet pas de la saisir.`,
      })),
    },
  );
}
