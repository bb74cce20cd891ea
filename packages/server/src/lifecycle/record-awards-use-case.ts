import { type AwardEssentialData, DomainError, type FieldIssue, frenchDate, implausibleDateReason, type IsoDate } from '@mutualis/core';
import { applyTransition, type LotAward, recordAward } from '@mutualis/core/lifecycle';
import { type MutualisDb, type Repositories, withTransaction } from '@mutualis/db';
import { loadLifecycle } from './load-lifecycle';
import { refusalError } from './refusal-error';
import { type AuditContext, writeAudit } from './write-audit';

/** A lot as the route receives it; coverage defaults to every member frozen at launch. */
export interface LotAwardInput {
  lotKey?: string;
  lotLabel: string;
  holderSiret: string;
  holderName: string;
  holderDepartementCode?: string;
  holderIsSme?: boolean;
  unitPriceCents?: number;
  amountCents?: number;
  awardedOn: IsoDate;
  startOn: IsoDate;
  durationMonths: number;
  coverage?: { organizationId: string; forecastQuantity: number | null }[];
  essentialData?: AwardEssentialData;
}

export interface RecordAwardsUseCaseOptions {
  database: MutualisDb;
  repos: Repositories;
  groupementId: string;
  lots: readonly LotAwardInput[];
  audit: Omit<AuditContext, 'groupementId' | 'territoryId'>;
}

/** Where the holder is established and whether it is an SME: from its Mutualis record when known, else as declared. */
async function holderFacts(repos: Repositories, lot: LotAwardInput) {
  const organization = await repos.organizations.getBySiret(lot.holderSiret);
  const profile = organization ? await repos.supplierProfiles.getByOrganizationId(organization.id) : undefined;
  return {
    holderDepartementCode: organization?.departementCode ?? lot.holderDepartementCode ?? null,
    holderIsSme: profile?.isSme ?? (organization ? organization.kind === 'sme' : (lot.holderIsSme ?? false)),
  };
}

/**
 * Why the dates of each lot cannot be true: an award after today or before the procedure's launch,
 * an execution that starts before the award or more than five years ahead.
 */
function awardDateIssues(lots: readonly LotAwardInput[], today: IsoDate, launchedOn: IsoDate | null): FieldIssue[] {
  return lots.flatMap((lot, i): FieldIssue[] => {
    const awarded = implausibleDateReason('awardedOn', lot.awardedOn, today);
    const started = implausibleDateReason('awardStartOn', lot.startOn, today);
    return [
      ...(awarded ? [{ field: `lots.${i}.awardedOn`, reason: awarded }] : []),
      ...(!awarded && launchedOn !== null && lot.awardedOn < launchedOn
        ? [
            {
              field: `lots.${i}.awardedOn`,
              reason: `L’attribution (${frenchDate(lot.awardedOn)}) ne peut pas précéder le lancement de la procédure (${frenchDate(launchedOn)}).`,
            },
          ]
        : []),
      ...(started ? [{ field: `lots.${i}.startOn`, reason: started }] : []),
      ...(!started && lot.startOn < lot.awardedOn
        ? [
            {
              field: `lots.${i}.startOn`,
              reason: `Le début d’exécution (${frenchDate(lot.startOn)}) ne peut pas précéder l’attribution (${frenchDate(lot.awardedOn)}).`,
            },
          ]
        : []),
    ];
  });
}

/**
 * Records the award of lots of the current procedure (holder, price, dates, contracts per the mandate);
 * a launched groupement becomes « attribué » with its first lot. Awards, the award snapshot, the status
 * and their audit entries commit together.
 */
export async function recordAwardsUseCase({ database, repos, groupementId, lots, audit }: RecordAwardsUseCaseOptions) {
  const facts = await Promise.all(lots.map((lot) => holderFacts(repos, lot)));
  return withTransaction(database, async (trx) => {
    const loaded = await loadLifecycle(trx, groupementId);
    const dateIssues = awardDateIssues(lots, audit.at.slice(0, 10), loaded.launch?.values.launchedOn ?? null);
    if (dateIssues.length > 0) throw DomainError.validation('Dates d’attribution invraisemblables.', dateIssues);
    const context = { ...audit, territoryId: loaded.groupement.territoryId, groupementId };
    let state = loaded.state;
    const stored = [];
    for (const [index, lot] of lots.entries()) {
      const award: LotAward = {
        lotKey: lot.lotKey ?? `lot-${state.awardedLotKeys.length + 1}`,
        lotLabel: lot.lotLabel,
        holderSiret: lot.holderSiret,
        holderName: lot.holderName,
        price:
          lot.unitPriceCents !== undefined
            ? { kind: 'unit', unitPriceCents: lot.unitPriceCents }
            : { kind: 'amount', amountCents: lot.amountCents ?? 0 },
        awardedOn: lot.awardedOn,
        startOn: lot.startOn,
        durationMonths: lot.durationMonths,
        coverage: lot.coverage ?? (state.frozenMemberIds ?? []).map((organizationId) => ({ organizationId, forecastQuantity: null })),
        essentialData: lot.essentialData ?? null,
      };
      const result = recordAward(state, award);
      if (!result.ok) throw refusalError(result.reasons);
      const row = await trx.lotAwards.insert({
        ...award,
        ...(facts[index] ?? { holderDepartementCode: null, holderIsSme: false }),
        groupementId,
        procedureNumber: state.procedureNumber,
        contracts: result.contracts,
      });
      await writeAudit(trx, context, { ...result.audit, after: row }, { entity: 'lot_award', entityId: row.id });
      stored.push(row);
      state = result.state;
    }
    // The award is a decision: its values are kept with the launch parameters they rest on.
    const snapshot = await trx.decisionSnapshots.insert({
      groupementId,
      procedureNumber: state.procedureNumber,
      kind: 'award',
      decidedOn: lots[0]?.awardedOn ?? '',
      values: { lots: stored },
      parameters: loaded.launch?.parameters ?? null,
    });
    await writeAudit(
      trx,
      context,
      { action: 'decision.snapshot', before: null, after: snapshot },
      { entity: 'decision_snapshot', entityId: snapshot.id },
    );
    if (state.status === 'launched') {
      const awarded = applyTransition(state, 'awarded');
      if (!awarded.ok) throw refusalError(awarded.reasons);
      await trx.groupements.update(groupementId, { status: awarded.state.status });
      await writeAudit(trx, context, awarded.audit);
      state = awarded.state;
    }
    return { awards: stored, status: state.status };
  });
}
