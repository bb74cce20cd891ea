import {
  type CensusParseResult,
  type CensusRow,
  checkCensusAmounts,
  type FieldIssue,
  holdUnusualRows,
  type Need,
  type PurchaseFamily,
} from '@mutualis/core';
import type { Repositories } from '@mutualis/db';
import { mergeFamilies } from '../analysis';
import { departementsOfTerritory } from '../lifecycle/departements-of-territory';

/** What a census import checks rows against: the importer's territories. */
export interface CensusContext {
  /** Départements of the territories: commune names resolve there first. */
  departementCodes: string[];
  /** Needs of every buyer of the territories (the peers of the amount check). */
  needs: Need[];
  families: PurchaseFamily[];
}

/** Loads the territories the organization belongs to: their départements, needs and purchase families. */
export async function loadCensusContext(repos: Repositories, organizationId: string): Promise<CensusContext> {
  const territoryIds = await repos.memberships.listTerritoryIds(organizationId);
  const loaded = await Promise.all(
    territoryIds.map((territoryId) =>
      Promise.all([
        departementsOfTerritory(repos, territoryId),
        repos.needs.listForTerritory(territoryId),
        repos.families.list({ territoryId }),
      ]),
    ),
  );
  const needs = new Map(loaded.flatMap(([, list]) => list.map((n) => [n.id, n] as const)));
  const families = new Map(loaded.flatMap(([, , list]) => list.map((f) => [f.id, f] as const)));
  return {
    departementCodes: [...new Set(loaded.flatMap(([codes]) => codes))].sort(),
    needs: [...needs.values()].filter((n) => n.status !== 'rejected'),
    families: mergeFamilies([...families.values()]),
  };
}

/**
 * Flags the file's rows whose amount is unusual for the territory (`checkCensusAmounts`; the needs
 * a re-import would overwrite are not their own peers) and withholds them from the import plan
 * until confirmed (`holdUnusualRows`).
 */
export function checkImportedAmounts(options: {
  parsed: CensusParseResult;
  context: CensusContext;
  sourceRefOf: (row: CensusRow) => string;
  isConfirmed: boolean;
}): { flags: FieldIssue[]; toPlan: CensusParseResult } {
  const { parsed, context, sourceRefOf, isConfirmed } = options;
  const replaced = new Set(parsed.rows.map(sourceRefOf));
  const peers = context.needs.filter((n) => n.sourceRef === null || !replaced.has(n.sourceRef));
  const flags = checkCensusAmounts({ rows: parsed.rows, peers, families: context.families });
  return holdUnusualRows({ parsed, flags, isConfirmed });
}
