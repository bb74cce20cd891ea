import { formatDateFr } from '../calendar/iso-date';
import { decideDisclosure, WITHHELD_REASON_LABELS } from '../disclosure/decide-disclosure';
import type { Cents, Need } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import type { AnalysedOpportunity } from '../scenario/analyse-territory';
import { toBaseQuantity, UNITS, type UnitCode } from '../units/units';
import type { AssemblyPackInput, PackAnnexRow } from './assembly-pack-input';

/** Integer or decimal with French separators and plain spaces (drawable by every PDF font). */
export function formatNumberFr(value: number): string {
  const [whole = '0', decimals] = (Math.round(value * 100) / 100).toString().split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return decimals ? `${grouped},${decimals}` : grouped;
}

/** « 120 t », « 3 000 ramette (500 feuilles) ». */
export function formatQuantityFr(quantity: number, unit: UnitCode | null): string {
  return unit === null ? formatNumberFr(quantity) : `${formatNumberFr(quantity)} ${UNITS[unit].labelFr}`;
}

export const euros = (cents: Cents): string => `${formatEuros(cents)} HT`;
export const dateFr = formatDateFr;

/** A unit price to the cent (« 0,11 € HT »): whole euros would hide small prices. */
export function unitPriceFr(cents: Cents): string {
  const whole = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return `${formatNumberFr(whole)}${rest === 0 ? '' : `,${String(rest).padStart(2, '0')}`} € HT`;
}

/**
 * What the pack reads about its member, and only about it: the rest of the opportunity (other
 * members' amounts, shares, unit prices, savings) never reaches the composition.
 */
export interface OwnFacts {
  row: PackAnnexRow;
  annualAmountCents: Cents;
  isConfirmed: boolean;
  savings: { purchase: { low: Cents; central: Cents; high: Cents }; total: { low: Cents; central: Cents; high: Cents } } | null;
  entry: AnalysedOpportunity['calendar']['members'][number] | null;
  /** Steps of the common schedule and this member's own steps. */
  schedule: AnalysedOpportunity['calendar']['schedule'];
  /** Procedure it would pass alone when the groupement crosses a threshold it would not. */
  aloneProcedureKind: string | null;
  isCoordinator: boolean;
  /** Whether the reader may see this member's own figures (disclosure rule); else `money` writes « non communiqué ». */
  showsOwnFigures: boolean;
  /** The member's own amount or price as written for this reader. */
  money: (cents: Cents) => string;
  unitPrice: (cents: Cents) => string;
}

/** Written where the reader may not see the member's own figure. */
export const WITHHELD_FR = 'non communiqué';
export const WITHHELD_NOTE_FR = WITHHELD_REASON_LABELS.other_organization;

export function ownFactsOf(input: AssemblyPackInput): OwnFacts {
  const row = input.annex.find((r) => r.organizationId === input.memberId);
  if (!row) throw new Error(`member ${input.memberId} is not in the annex`);
  const o = input.opportunity;
  const member = o?.members.find((m) => m.organizationId === input.memberId);
  const savings = o?.savingsDetail.members.find((m) => m.organizationId === input.memberId);
  const crossed = o?.procedure.thresholdCrossed.members.find((m) => m.organizationId === input.memberId);
  const showsOwnFigures = decideDisclosure(input.viewer, { kind: 'organization', organizationId: input.memberId }).isShown;
  return {
    showsOwnFigures,
    money: (cents) => (showsOwnFigures ? euros(cents) : WITHHELD_FR),
    unitPrice: (cents) => (showsOwnFigures ? unitPriceFr(cents) : WITHHELD_FR),
    row,
    annualAmountCents: member?.annualAmountCents ?? input.needs.reduce((s, n) => s + n.annualAmountCents, 0),
    isConfirmed: member?.isConfirmed ?? input.needs.every((n) => n.isConfirmed),
    savings: savings ? { purchase: savings.purchase, total: savings.total } : null,
    entry: o?.calendar.members.find((m) => m.organizationId === input.memberId) ?? null,
    schedule: o?.calendar.schedule.filter((s) => s.organizationId === null || s.organizationId === input.memberId) ?? [],
    aloneProcedureKind: o?.procedure.thresholdCrossed.isCrossed && crossed ? crossed.aloneKind : null,
    isCoordinator: input.groupement.coordinatorIds.includes(input.memberId),
  };
}

/** Names of the coordinators, from the annex. */
export function coordinatorNames(input: AssemblyPackInput): string {
  return input.annex
    .filter((r) => input.groupement.coordinatorIds.includes(r.organizationId))
    .map((r) => r.name)
    .join(', ');
}

/**
 * A member's yearly quantity in the pooled base unit, as the annex writes it (« 120 000 kilogramme »);
 * empty when one of its needs states no quantity convertible to that unit.
 */
export function annualQuantityOf(needs: readonly Pick<Need, 'quantity' | 'unit' | 'unitsPerPack'>[], unit: UnitCode | null): string {
  if (unit === null || needs.length === 0) return '';
  let total = 0;
  for (const need of needs) {
    if (need.quantity === null || need.unit === null) return '';
    const base = toBaseQuantity(need.quantity, need.unit, need.unitsPerPack);
    if (!base.ok || base.unit !== unit) return '';
    total += base.quantity;
  }
  return formatQuantityFr(total, unit);
}
