import { formatNumberFr } from '../french/format-number-fr';
import { countFr } from '../french/count-fr';
import { avoidedProceduresListFr, PROCEDURE_COSTS_SOURCE_FR } from './procedure-costs';
import type { Cents } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import type { ProcedureCycle, SavingsRange } from './estimate-savings';
import type { Elasticity } from './savings-calibrations';
import type { SavingsProvenance } from './savings-provenance';

/** A share as a French percentage with one decimal: 0.1134 → « 11,3 % ». */
export function formatSavingsShareFr(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString().replace('.', ',')} %`;
}

export interface ExplainSavingsOptions {
  basis: 'quantities' | 'amounts';
  ratio: number;
  elasticity: Elasticity;
  price: SavingsRange;
  isCapped: { central: boolean; high: boolean };
  procedural: Cents;
  procedureCycle: ProcedureCycle;
  total: SavingsRange;
  annualAmountCents: Cents;
  provenance: SavingsProvenance;
}

/** The French explanation of an estimate: model, calibration against the published range, procedures, total, sources. */
export function explainSavings(o: ExplainSavingsOptions): string {
  const { provenance, price, procedureCycle: cycle } = o;
  const share = (cents: Cents) => formatSavingsShareFr(o.annualAmountCents > 0 ? cents / o.annualAmountCents : 0);
  const published = `${formatSavingsShareFr(provenance.range.low)} à ${formatSavingsShareFr(provenance.range.high)}`;
  const model =
    o.basis === 'quantities'
      ? `Prix harmonisés (bas : prix actuels ; central : 25e centile pondéré ; haut : prix minimal) puis effet volume (volume mutualisé ${formatNumberFr(o.ratio)} fois le volume typique d’un membre, b = ${formatNumberFr(o.elasticity.low, 3)} / ${formatNumberFr(o.elasticity.central, 3)} / ${formatNumberFr(o.elasticity.high, 3)}).`
      : `Quantités inconnues ou non comparables : seul l’effet volume sur les montants est estimé (b central ${formatNumberFr(o.elasticity.central, 3)}, haut ${formatNumberFr(o.elasticity.high, 3)}).`;
  const calibrated =
    provenance.kind === 'supply_security'
      ? `Famille sans effet prix publié (${provenance.segment}) : économie de prix centrale nulle${price.high > 0 ? `, au plus ${formatEuros(price.high)} (${share(price.high)})` : ''}. ${provenance.benefit ?? ''}`
      : `Économie sur les prix : ${formatEuros(price.low)} à ${formatEuros(price.high)}, central ${formatEuros(price.central)} (${share(price.central)} du montant annuel), dans la fourchette publiée de ${published}${o.isCapped.central || o.isCapped.high ? ` ; le modèle donnait davantage, chaque membre est plafonné à ${formatSavingsShareFr(provenance.range.high)} de son montant` : ''}.`;
  const byKind = avoidedProceduresListFr(cycle.avoided);
  const procedures = `${countFr(cycle.avoidedProcedures, 'procédure évitée')} une fois par cycle${byKind ? ` (${byKind} : coûts directs publiés, ${PROCEDURE_COSTS_SOURCE_FR})` : ''} (un membre qui, seul, achèterait sous le seuil de dispense n’en passerait pas, R2122-8), moins ${formatEuros(cycle.coordinationCostCents)} de coordination : ${formatEuros(cycle.perCycleCents)} par cycle, répartis sur les ${cycle.contractMonths} mois du marché, soit ${formatEuros(o.procedural)} par an.`;
  const sources = provenance.sources.map((s) => `${s.citation} (${s.measureLabel})`).join(' ; ');
  return [
    model,
    calibrated,
    procedures,
    `Économie annuelle totale : ${formatEuros(o.total.low)} à ${formatEuros(o.total.high)} (central ${formatEuros(o.total.central)}).`,
    `Provenance : ${provenance.rationale} Sources : ${sources}. Élasticités : ${o.elasticity.provenance}`,
  ].join(' ');
}

/** One line for exports: the published range (or zero-gain) and the cited sources with what they measured. */
export function formatSavingsProvenanceFr(provenance: SavingsProvenance): string {
  const head =
    provenance.kind === 'supply_security'
      ? `${provenance.segment} : pas d’économie de prix attendue (au plus ${formatSavingsShareFr(provenance.range.high)})`
      : `${provenance.segment} : fourchette publiée ${formatSavingsShareFr(provenance.range.low)} à ${formatSavingsShareFr(provenance.range.high)}`;
  const sources = provenance.sources.map((s) => `${s.citation} (${s.measureLabel}, ${s.url})`).join(' ; ');
  return `${head}. Sources : ${sources}. Preuves ${provenance.evidenceVersion}.`;
}
