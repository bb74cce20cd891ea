import type { Cents, IsoDate, MandateScope } from '../domain/types';
import type { AwardEssentialData } from '../opendata/decp-types';
import { type LifecycleState, refused, type StepResult } from './lifecycle-types';

/** The price of a lot: a unit price (accord-cadre à bons de commande) or a yearly amount. */
export type AwardPrice = { kind: 'unit'; unitPriceCents: Cents } | { kind: 'amount'; amountCents: Cents };

/** One member covered by a lot and its forecast quantity on it (null: its whole forecast at launch). */
export interface LotCoverage {
  organizationId: string;
  forecastQuantity: number | null;
}

/** The award of one lot as decided. */
export interface LotAward {
  lotKey: string;
  lotLabel: string;
  holderSiret: string;
  holderName: string;
  price: AwardPrice;
  awardedOn: IsoDate;
  startOn: IsoDate;
  durationMonths: number;
  coverage: LotCoverage[];
  /** The DECP 2024 data of the lot (offers, notification, prices…), when recorded; needed to publish it. */
  essentialData?: AwardEssentialData | null;
}

/** One contract signed after the award: by each member for its own needs, or by the coordinator for all. */
export interface AwardContract {
  signatoryId: string;
  memberIds: string[];
}

/**
 * Contracts of a lot. With a mandate limited to the procedure (`procedure`), each member signs and
 * executes its own contract for its own needs; otherwise the coordinator signs one contract for all (L2113-7).
 */
export function contractsOfAward(
  mandateScope: MandateScope,
  coordinatorIds: readonly string[],
  memberIds: readonly string[],
): AwardContract[] {
  if (mandateScope === 'procedure') return memberIds.map((id) => ({ signatoryId: id, memberIds: [id] }));
  const signatoryId = coordinatorIds[0] ?? memberIds[0] ?? '';
  return [{ signatoryId, memberIds: [...memberIds] }];
}

/** Records the award of a lot of the current procedure; every covered member must be in its frozen list. */
export function recordAward(state: LifecycleState, award: LotAward): StepResult<{ contracts: AwardContract[] }> {
  if (state.status !== 'launched' && state.status !== 'awarded')
    return refused({ code: 'not_awarding', message: 'Un lot s’attribue une fois la procédure lancée et avant l’exécution du marché.' });
  if (state.awardedLotKeys.includes(award.lotKey))
    return refused({ code: 'duplicate_lot', message: `Le lot « ${award.lotLabel} » est déjà attribué pour cette procédure.` });
  const frozen = new Set(state.frozenMemberIds ?? []);
  const outsiders = award.coverage.map((c) => c.organizationId).filter((id) => !frozen.has(id));
  if (outsiders.length > 0 || award.coverage.length === 0)
    return refused({
      code: 'not_frozen_member',
      message: 'Un lot ne couvre que des membres arrêtés au lancement de la procédure (L2111-1).',
      organizationIds: outsiders,
    });
  const contracts = contractsOfAward(
    state.mandateScope,
    state.coordinatorIds,
    award.coverage.map((c) => c.organizationId),
  );
  return {
    ok: true,
    state: { ...state, awardedLotKeys: [...state.awardedLotKeys, award.lotKey] },
    contracts,
    audit: { action: 'groupement.award', before: null, after: { ...award, contracts } },
  };
}
