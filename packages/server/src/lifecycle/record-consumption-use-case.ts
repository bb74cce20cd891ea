import { DomainError, type FieldIssue, futureConsumptionReason } from '@mutualis/core';
import { type MutualisDb, withTransaction } from '@mutualis/db';
import { type LoadedLifecycle, loadLifecycle } from './load-lifecycle';
import { type AuditContext, writeAudit } from './write-audit';

/** One month of one member on one lot, with where it came from (line of an imported file). */
export interface ConsumptionInput {
  lotKey: string;
  organizationId: string;
  period: string;
  quantity: number | null;
  amountCents: number;
  /** File line, for import errors. */
  line?: number;
}

export interface RecordConsumptionUseCaseOptions {
  database: MutualisDb;
  groupementId: string;
  entries: readonly ConsumptionInput[];
  source: 'manual' | 'import';
  /** Name of the imported file, repeated in its errors. */
  fileName?: string;
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

const CONSUMING = new Set(['awarded', 'running', 'renewed', 'closed']);

function issuesOf(
  loaded: LoadedLifecycle,
  entries: readonly ConsumptionInput[],
  fileName: string | undefined,
  today: string,
): FieldIssue[] {
  const lots = new Map(loaded.awards.map((a) => [a.lotKey, a]));
  return entries.flatMap((entry, index): FieldIssue[] => {
    const where = entry.line === undefined ? {} : { line: entry.line, ...(fileName ? { file: fileName } : {}) };
    const lot = lots.get(entry.lotKey);
    if (!lot)
      return [{ field: `entries.${index}.lotKey`, reason: `Lot « ${entry.lotKey} » non attribué dans la procédure en cours.`, ...where }];
    if (!lot.coverage.some((c) => c.organizationId === entry.organizationId))
      return [
        { field: `entries.${index}.organizationId`, reason: `Ce membre n’est pas couvert par le lot « ${lot.lotLabel} ».`, ...where },
      ];
    const notBegun = futureConsumptionReason(entry.period, today);
    if (notBegun !== null) return [{ field: `entries.${index}.period`, reason: notBegun, ...where }];
    if (entry.period < lot.startOn.slice(0, 7))
      return [{ field: `entries.${index}.period`, reason: `Le marché du lot « ${lot.lotLabel} » commence le ${lot.startOn}.`, ...where }];
    return [];
  });
}

/** Writes consumption all or nothing: one bad row (unknown lot, member not covered, month before the contract or not begun) rejects the batch. */
export async function recordConsumptionUseCase({
  database,
  groupementId,
  entries,
  source,
  fileName,
  audit,
}: RecordConsumptionUseCaseOptions) {
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    if (!CONSUMING.has(loaded.state.status))
      throw new DomainError('conflict', 'La consommation se saisit une fois le marché attribué.', {
        reasons: [{ code: 'not_awarded', message: 'La consommation se saisit une fois le marché attribué.' }],
      });
    const issues = issuesOf(loaded, entries, fileName, audit.at.slice(0, 10));
    if (issues.length > 0) throw DomainError.validation(`${issues.length} ligne(s) refusée(s) : rien n’a été enregistré.`, issues);
    const procedureNumber = loaded.state.procedureNumber;
    await trx.consumption.upsertMany(entries.map(({ line: _line, ...e }) => ({ ...e, groupementId, procedureNumber, source })));
    await writeAudit(
      trx,
      { ...audit, territoryId: loaded.groupement.territoryId, groupementId },
      {
        action: source === 'import' ? 'groupement.consumption_import' : 'groupement.consumption',
        before: null,
        after: { fileName: fileName ?? null, entries: entries.map(({ line: _line, ...e }) => e) },
      },
      { entity: 'consumption', entityId: groupementId },
    );
    return { written: entries.length };
  });
}
