import { cpvSignificantDigits, isCpvUnder } from '../cpv/cpv-code';
import { describeMissingPrerequisites } from '../prerequisites/assess-prerequisites';
import { buildAuthorisationChecklist } from '../prerequisites/build-authorisation-checklist';
import { prerequisitesInForce, prerequisitesOfProduct } from '../prerequisites/product-prerequisites';
import { proposeJointBids } from '../prerequisites/propose-joint-bids';
import type { UnitCode } from '../units/units';
import { buildSourcingIndex } from './build-sourcing-index';
import { buildSupplyChainGraph } from './build-supply-chain-graph';
import { convertQuantity } from './convert-quantity';
import { DEPARTEMENT_POSITION_FR, explainSourcingFirm, SOURCING_NOTICE_FR } from './explain-sourcing-firm';
import { type DirectCandidate, findDirectSuppliers } from './find-direct-suppliers';
import { findInputSuppliers } from './find-input-suppliers';
import { findPotentialProducers, type ProducerCandidate } from './find-potential-producers';
import type { DirectSupplier, InputSourcing, PotentialProducer, RankLocalSourcingOptions, SourcingRecipe, SourcingResult } from './types';

/**
 * Reverse industrial-ecology search for a pooled need (algorithms.md §6): who already supplies it,
 * who could produce it, who supplies each input, and what share of the volume the territory can serve.
 */
export function rankLocalSourcing(options: RankLocalSourcingOptions): SourcingResult {
  const { need, positions, competences } = options;
  const index = options.index ?? buildSourcingIndex(options.firms);
  const maxListed = options.maxListed ?? 20;
  const threshold = options.minProducerCoverage ?? 1;
  const sites = need.deliveryCommunes.map((code) => positions[code] ?? null);
  const labels = new Map(competences.map((c) => [c.code, c.labelFr]));
  const labelOf = (code: string) => ({ code, label: labels.get(code) ?? code });
  const unitOf = need.unit;
  const siteCount = sites.length;

  const direct = findDirectSuppliers(index, need, sites);
  const recipe = pickRecipe(options.recipes, need.productCpvCode);
  const prerequisites = recipe
    ? prerequisitesOfProduct(recipe.productCpvCode, options.prerequisiteVersion ?? prerequisitesInForce('9999-12-31'))
    : [];
  const producers = recipe
    ? findPotentialProducers({
        index,
        need,
        recipe,
        sites,
        excluded: new Set(direct.map((d) => d.firmIndex)),
        prerequisites,
        minCoverage: threshold,
        limit: maxListed,
      })
    : { listed: [], servingCapacity: 0 };
  const listedProducers = producers.listed;
  const productQuantity = recipe ? (convertQuantity(need.quantity, need.unit, recipe.unit ?? need.unit) ?? need.quantity) : 0;
  const producerPositions = listedProducers.flatMap((p) => {
    const firm = index.firms[p.firmIndex];
    return firm ? [firm.position] : [];
  });
  const inputs: InputSourcing[] = (recipe?.inputs ?? []).map((input, i) => {
    const found = findInputSuppliers({ index, input, inputIndex: i, productQuantity, producerPositions, limit: maxListed });
    const { input: _input, ...rest } = found;
    return {
      ...rest,
      suppliers: found.suppliers.map(({ firmIndex: _f, ...s }) => ({
        ...s,
        explanation: explainSourcingFirm({ kind: 'input', ...s, inputLabel: input.label, share: s.capacityShare, unit: input.unit }),
      })),
    };
  });

  // Coverage counts every firm, not only the listed ones, so that adding a firm never lowers it.
  const directCapacity = sumServing(direct);
  const producerCapacity = producers.servingCapacity;
  const q = need.quantity;
  const coverage = {
    share: q > 0 ? Math.min(1, (directCapacity + producerCapacity) / q) : 0,
    directShare: q > 0 ? Math.min(1, directCapacity / q) : 0,
    producerShare: q > 0 ? Math.min(1, producerCapacity / q) : 0,
    allInputsSourced: inputs.every((i) => i.hasLocalSource),
  };
  // A firm placed at its département's centroid (commune without a point) says so: its distances are rough.
  const placed = <T extends { explanation: string }>(item: T, i: number): T =>
    index.firms[i]?.positionBasis === 'departement' ? { ...item, explanation: `${item.explanation} ${DEPARTEMENT_POSITION_FR}` } : item;
  const directSuppliers = direct.slice(0, maxListed).map((d) => placed(toDirectSupplier(d, unitOf, siteCount), d.firmIndex));
  const potentialProducers = listedProducers.map((p) => placed(toProducer(p, labelOf, unitOf, siteCount), p.firmIndex));
  const toJointFirm = (f: { id: string; name: string; profile: { competences: readonly string[] } }) => ({
    id: f.id,
    name: f.name,
    competences: f.profile.competences,
  });
  // A firm that can answer alone (direct supplier, producer meeting every condition) bids alone.
  const alone = new Set([
    ...direct.map((d) => index.firms[d.firmIndex]?.id),
    ...listedProducers.filter((p) => p.competenceCoverage >= threshold && p.missingPrerequisites.length === 0).map((p) => p.firmId),
  ]);
  const jointBids = recipe
    ? proposeJointBids({
        recipe,
        prerequisites,
        leads: listedProducers
          .filter((p) => p.capacity !== null && (p.competenceCoverage < threshold || p.missingPrerequisites.length > 0))
          .flatMap((p) => (index.firms[p.firmIndex] ? [toJointFirm(index.firms[p.firmIndex] as (typeof index.firms)[number])] : [])),
        firms: index.firms.filter((f) => !alone.has(f.id)).map(toJointFirm),
        labelOf: (code) => labels.get(code) ?? code,
      })
    : [];
  const checklist =
    recipe && options.targetDate && options.now
      ? buildAuthorisationChecklist({
          prerequisites,
          firms: index.firms.map((f) => ({ name: f.name, competences: f.profile.competences })),
          targetDate: options.targetDate,
          now: options.now,
        })
      : null;
  return {
    need,
    recipeId: recipe?.id ?? null,
    recipeLabel: recipe?.label ?? null,
    directSuppliers,
    potentialProducers,
    inputs,
    coverage,
    graph: buildSupplyChainGraph({ need, directSuppliers, potentialProducers, inputs }),
    notice: SOURCING_NOTICE_FR,
    prerequisites: prerequisites.map((p) => ({ code: p.code, label: p.labelFr, kind: p.kind, article: p.article })),
    jointBids,
    checklist,
  };
}

/** The recipe of the product itself, else of its closest ancestor in the CPV tree. */
function pickRecipe(recipes: readonly SourcingRecipe[], cpvCode: string): SourcingRecipe | undefined {
  return recipes
    .filter((r) => isCpvUnder(cpvCode, r.productCpvCode))
    .sort((a, b) => cpvSignificantDigits(b.productCpvCode) - cpvSignificantDigits(a.productCpvCode))[0];
}

/** Capacity of firms that can deliver every site (a firm short of a site cannot serve the pooled lot alone). */
function sumServing(firms: readonly { capacity: number | null; reach: { reachesAllSites: boolean } }[]): number {
  return firms.reduce((sum, f) => sum + (f.reach.reachesAllSites ? Math.max(0, f.capacity ?? 0) : 0), 0);
}

function toDirectSupplier({ firmIndex: _i, radiusKm, ...d }: DirectCandidate, unit: UnitCode, siteCount: number): DirectSupplier {
  return { ...d, explanation: explainSourcingFirm({ kind: 'direct', ...d, share: d.capacityShare, unit, siteCount, radiusKm }) };
}

function toProducer(
  { firmIndex: _i, radiusKm, coveredCodes, missingCodes, missingPrerequisites, ...p }: ProducerCandidate,
  labelOf: (code: string) => { code: string; label: string },
  unit: UnitCode,
  siteCount: number,
): PotentialProducer {
  const covered = coveredCodes.map(labelOf);
  const missing = missingCodes.map(labelOf);
  const explanation = explainSourcingFirm({
    kind: 'producer',
    covered: covered.map((c) => c.label),
    missing: missing.map((c) => c.label),
    capacity: p.capacity,
    estimated: p.capacityIsEstimated,
    share: p.capacityShare,
    unit,
    reach: p.reach,
    siteCount,
    radiusKm,
  });
  const blocked =
    missingPrerequisites.length > 0
      ? ` Ne peut pas répondre seul tant que ce${missingPrerequisites.length > 1 ? 's' : ''} prérequis bloquant${missingPrerequisites.length > 1 ? 's' : ''} n’${missingPrerequisites.length > 1 ? 'ont' : 'a'} pas été rempli${missingPrerequisites.length > 1 ? 's' : ''} : ${describeMissingPrerequisites(missingPrerequisites)}.`
      : '';
  return {
    ...p,
    covered,
    missing,
    missingPrerequisites: missingPrerequisites.map((q) => ({ code: q.code, label: q.labelFr, article: q.article })),
    explanation: `${explanation}${blocked}`,
  };
}
