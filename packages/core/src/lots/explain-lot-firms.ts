import { getCpv } from '../cpv/cpv-catalog';
import type { Competence } from '../domain/types';
import { getCommune, haversineKm } from '../geo/communes';
import { formatNumberFr, formatQuantityFr, formatShareFr } from '../sourcing/format-quantity-fr';
import type { UnitCode } from '../units/units';
import { describeMissingPrerequisites } from '../prerequisites/assess-prerequisites';
import { JOINT_BID_RULE_FR } from '../prerequisites/propose-joint-bids';
import { mostSpecificOffer } from './build-eligibility';
import type { AssessedLotFirm, RejectedProducer } from './build-lot-firms';
import type { DemandUnit, LotFirm, LotFirmOffer, LotOfferBasis, LotSite } from './types';

/** Why a firm may answer a lot: it sells the product, could produce it (recipe), or declared capacity. */
export type LotFirmSource = LotOfferBasis['kind'];

/** A firm's standing on one lot, in the words a facilitator can read back to the firm. */
export interface LotFirmVerdict {
  firmId: string;
  name: string;
  isEligible: boolean;
  sources: LotFirmSource[];
  explanation: string;
}

export interface ExplainLotFirmsOptions {
  demandUnitIds: readonly string[];
  demand: readonly DemandUnit[];
  sites: readonly LotSite[];
  assessed: readonly AssessedLotFirm[];
  /** Competence vocabulary, for French labels. */
  competences: readonly Competence[];
  /** Names of every local firm by id (input suppliers are often not assessed for the lot itself). */
  firmNames?: ReadonlyMap<string, string>;
}

/**
 * Every assessed firm's verdict on a lot, eligible firms first. The test is the one `designLots`
 * applies (build-eligibility.ts): an offer covering each sub-family of the lot, every site within the
 * delivery radius, free capacity for the lot's volume on each offer; the explanation names the basis
 * of the offers and, for an ineligible firm, each condition it fails with the figures.
 */
export function explainLotFirms(options: ExplainLotFirmsOptions): LotFirmVerdict[] {
  const { demandUnitIds, demand, sites, assessed, competences, firmNames } = options;
  const ids = new Set(demandUnitIds);
  const units = demand.filter((d) => ids.has(d.id));
  const volumes = new Map<string, { volume: number; unit: UnitCode }>();
  for (const u of units) volumes.set(u.cpvCode, { volume: (volumes.get(u.cpvCode)?.volume ?? 0) + u.volume, unit: u.unit });
  const siteCodes = new Set(units.map((u) => u.siteCode));
  const lotSites = sites.filter((s) => siteCodes.has(s.code));
  const labels = new Map(competences.map((c) => [c.code, c.labelFr] as const));
  const names = new Map([...(firmNames ?? []), ...assessed.map((a) => [a.firm.id, a.name] as const)]);
  const verdicts = assessed.map((a) => verdictOf({ assessed: a, volumes, lotSites, labels, names }));
  return verdicts.sort((x, y) => Number(y.isEligible) - Number(x.isEligible) || x.name.localeCompare(y.name, 'fr'));
}

interface VerdictContext {
  assessed: AssessedLotFirm;
  volumes: ReadonlyMap<string, { volume: number; unit: UnitCode }>;
  lotSites: readonly LotSite[];
  labels: ReadonlyMap<string, string>;
  names: ReadonlyMap<string, string>;
}

function verdictOf({ assessed, volumes, lotSites, labels, names }: VerdictContext): LotFirmVerdict {
  const { firm } = assessed;
  const reasons: string[] = [];
  const used = new Map<number, { load: number; unit: UnitCode }>();
  for (const [cpv, { volume, unit }] of volumes) {
    const o = mostSpecificOffer(firm, cpv);
    if (o < 0) {
      reasons.push(notOffered(cpv, assessed.rejectedProducers, labels));
      continue;
    }
    used.set(o, { load: (used.get(o)?.load ?? 0) + volume, unit });
  }
  const capacityFacts: string[] = [];
  for (const [o, { load, unit }] of used) {
    const offer = firm.offers[o] as LotFirmOffer;
    // Same 1e-9 relative slack as build-eligibility: a capacity exactly equal to the volume is enough.
    const fits = load <= offer.freeCapacity * (1 + 1e-9);
    const fact = `capacité ${formatLotQuantity(offer.freeCapacity, unit)}/an ${fits ? '≥' : '<'} ${formatLotQuantity(load, unit)} demandées dans ce lot`;
    if (fits) capacityFacts.push(fact);
    else reasons.push(fact);
  }
  const reach = reachOf(firm, lotSites);
  if (reach.outside.length > 0) reasons.push(reach.text);
  const chosen = [...used.keys()].map((o) => firm.offers[o] as LotFirmOffer);
  const bases = (chosen.length > 0 ? chosen : firm.offers).map((o) => o.basis).filter((b): b is LotOfferBasis => b !== undefined);
  const sources = [...new Set(bases.map((b) => b.kind))];
  const basisText = [...new Set(bases.map((b) => describeBasis(b, labels, names)))].join(' ; ');
  const position = assessed.positionBasis === 'departement' ? ' Position : centre de son département (commune sans coordonnées).' : '';
  const isEligible = reasons.length === 0;
  const explanation = isEligible
    ? `Éligible : ${basisText}. ${upperFirst(capacityFacts.join(' ; '))} ; ${reach.text}.${position}`
    : `Non éligible : ${reasons.join(' ; ')}.${basisText ? ` (${upperFirst(basisText)}.)` : ''}${position}`;
  return { firmId: firm.id, name: assessed.name, isEligible, sources, explanation };
}

function notOffered(cpv: string, rejected: readonly RejectedProducer[], labels: ReadonlyMap<string, string>): string {
  const product = getCpv(cpv)?.labelFr ?? `CPV ${cpv}`;
  const near = rejected.find(
    (r) => cpv.startsWith(r.productCpvCode.replace(/0+$/, '')) || r.productCpvCode.startsWith(cpv.replace(/0+$/, '')),
  );
  if (!near) return `ne propose pas « ${product} »`;
  const missing = near.missing.map((c) => lowerFirst(labels.get(c) ?? c)).join(', ');
  const blocked =
    near.missingPrerequisites.length > 0
      ? `prérequis bloquant${near.missingPrerequisites.length > 1 ? 's' : ''} non rempli${near.missingPrerequisites.length > 1 ? 's' : ''} : ${describeMissingPrerequisites(near.missingPrerequisites)}`
      : '';
  if (near.coverage >= near.minCoverage)
    return (
      `ne propose pas « ${product} » et ne peut pas l’assurer selon la recette « ${near.recipeLabel} » malgré ${formatShareFr(near.coverage)} des compétences pondérées : ` +
      blocked
    );
  return (
    `ne propose pas « ${product} » et ne peut pas l’assurer selon la recette « ${near.recipeLabel} » : ` +
    `couvre ${formatShareFr(near.coverage)} des compétences pondérées (seuil ${formatShareFr(near.minCoverage)}), manque : ${missing}` +
    (blocked ? ` ; ${blocked}` : '')
  );
}

function describeBasis(basis: LotOfferBasis, labels: ReadonlyMap<string, string>, names: ReadonlyMap<string, string>): string {
  switch (basis.kind) {
    case 'product':
      return `vend déjà « ${basis.productLabel} »`;
    case 'declaration':
      return `a déclaré son intérêt et sa capacité pour le lot « ${basis.lotLabel} » de la prévision`;
    case 'joint': {
      const bought = boughtInputs(basis.inputs, names);
      // The rule on groupements is shown once beside the lots; each verdict keeps only its articles.
      const explanation = basis.explanation.replace(` ${JOINT_BID_RULE_FR}`, ' Groupement d’opérateurs économiques (R2142-19 à R2142-25).');
      return `candidature groupée proposée — ${lowerFirst(explanation)}${bought.length > 0 ? ` Achète : ${bought.join(', ')}` : ''}`;
    }
    case 'producer': {
      const covered = basis.covered.map((c) => lowerFirst(labels.get(c) ?? c)).join(', ');
      const missing = basis.missing.length > 0 ? ` ; manque : ${basis.missing.map((c) => lowerFirst(labels.get(c) ?? c)).join(', ')}` : '';
      const bought = boughtInputs(basis.inputs, names);
      const own = basis.inputs.filter((i) => i.isOwn).map((i) => lowerFirst(i.label));
      const line = basis.capacityLine.isRecipeInput
        ? `capacité lue sur sa ligne « ${basis.capacityLine.label} », intrant de la recette`
        : `capacité estimée d’après sa plus grande ligne « ${basis.capacityLine.label} »`;
      return (
        `peut assurer « ${basis.recipeLabel} » : couvre ${formatShareFr(basis.coverage)} des compétences pondérées (${covered}${missing})` +
        `${own.length > 0 ? ` ; fournit lui-même : ${own.join(', ')}` : ''}${bought.length > 0 ? ` ; achète : ${bought.join(', ')}` : ''} ; ${line}`
      );
    }
  }
}

function boughtInputs(
  inputs: readonly { label: string; isOwn: boolean; localSupplierIds: readonly string[] }[],
  names: ReadonlyMap<string, string>,
): string[] {
  return inputs
    .filter((i) => !i.isOwn)
    .map((i) => {
      const suppliers = i.localSupplierIds.map((id) => names.get(id) ?? id);
      return `${lowerFirst(i.label)} (${suppliers.length > 0 ? `fournisseur local : ${suppliers.join(', ')}` : 'pas de fournisseur local connu'})`;
    });
}

function reachOf(firm: LotFirm, lotSites: readonly LotSite[]): { outside: LotSite[]; text: string } {
  const distances = lotSites.map((s) => ({ site: s, km: haversineKm(firm.position, s.position) }));
  const outside = distances.filter((d) => d.km > firm.deliveryRadiusKm).map((d) => d.site);
  const farthest = distances.reduce((a, b) => (b.km > a.km ? b : a), distances[0] ?? { site: undefined, km: 0 });
  const where = farthest.site
    ? `${getCommune(farthest.site.code)?.name ?? farthest.site.code} à ${formatNumberFr(farthest.km)}\u00a0km`
    : '';
  const radius = `rayon de livraison ${formatNumberFr(firm.deliveryRadiusKm)}\u00a0km`;
  const n = lotSites.length;
  if (outside.length === 0)
    return { outside, text: `livre ${n > 1 ? `les ${n} sites` : 'le site'} du lot (${radius} ; le plus loin : ${where})` };
  return {
    outside,
    text: `${outside.length} site${outside.length > 1 ? 's' : ''} sur ${n} hors de son ${radius} (le plus loin : ${where})`,
  };
}

/** Base quantities as a facilitator reads them: 16 250 000 kg → "16 250 t". */
function formatLotQuantity(value: number, unit: UnitCode): string {
  if (unit === 'kg' && value >= 1000) return formatQuantityFr(value / 1000, 't');
  return formatQuantityFr(value, unit);
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Stockage en vrac" → "stockage en vrac"; acronyms ("BPF …") stay as they are. */
function lowerFirst(label: string): string {
  if (/^\p{Lu}{2}/u.test(label)) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}
