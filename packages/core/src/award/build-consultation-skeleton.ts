import type { Cents, IsoDate } from '../domain/types';
import { JOINT_BID_RULE_FR } from '../prerequisites/propose-joint-bids';
import { type AwardRuleVersion, awardText } from './award-rules';
import type { PriceIndexedFamily } from './price-index-families';
import type { AwardCriteriaResult } from './propose-award-criteria';
import type { TurnoverRequirement } from './cap-turnover-requirement';

/** One lot of the skeleton with its criteria, conditions and capacity requirement. */
export interface SkeletonLot {
  label: string;
  sitesText: string;
  volumeText: string;
  amountCents: Cents;
  award: AwardCriteriaResult;
  turnover: TurnoverRequirement;
}

export interface BuildConsultationSkeletonOptions {
  title: string;
  launchDate: IsoDate;
  rules: AwardRuleVersion;
  procedureLabel: string;
  lots: readonly SkeletonLot[];
  /** The R2113-1 clause on how many lots a bidder may bid for and win. */
  maxLotsClause: string;
  priceIndex: PriceIndexedFamily | null;
}

/** A document as a list of headed sections of paragraphs; the server renders it to DOCX. */
export interface ConsultationSkeleton {
  title: string;
  parts: { title: string; sections: { heading: string; paragraphs: string[] }[] }[];
}

/**
 * Excerpts of the règlement de la consultation and of the CCAP for a pooled opportunity: lots and the
 * R2113-1 clause, candidature (groupements, turnover within R2142-7), weighted criteria per lot, execution
 * conditions, and the price revision clause (R2112-13, R2112-14) where the family's price follows an index.
 */
export function buildConsultationSkeleton(options: BuildConsultationSkeletonOptions): ConsultationSkeleton {
  const { title, launchDate, rules, procedureLabel, lots, maxLotsClause, priceIndex } = options;
  const lotParagraphs = lots.map(
    (l, i) =>
      `Lot n° ${i + 1} — ${l.label} : livraison à ${l.sitesText} ; ${l.volumeText} par an ; montant annuel estimé ${formatEuros(l.amountCents)} HT.`,
  );
  const criteria = lots.map(
    (l, i) =>
      `Lot n° ${i + 1} : ${l.award.criteria.map((c) => `${c.labelFr} ${c.weight} %`).join(' ; ')}.` +
      ` Fondements : ${[...new Set(l.award.criteria.map((c) => c.basis))].join(' ; ')}.`,
  );
  const turnover = lots.map((l, i) => `Lot n° ${i + 1} : ${l.turnover.explanation}`);
  const conditions = [
    ...new Map(lots.flatMap((l) => l.award.conditions).map((c) => [`${c.kind}:${c.isRequired}`, c] as const)).values(),
  ].map((c) => `${c.labelFr} — ${c.basis}.`);
  const r2142_7 = awardText(rules, 'R2142-7');
  const revision = priceIndex
    ? [
        `Les prix sont révisables (R2112-13) : la révision suit ${priceIndex.index}, selon la formule P = P0 × (0,15 + 0,85 × I / I0), I0 étant la valeur de l’indice du mois d’établissement des prix ; révision annuelle à la date anniversaire du marché.`,
        priceIndex.isMandatory
          ? 'Clause obligatoire : marché de plus de trois mois dont une part importante des fournitures suit les cours mondiaux (R2112-14).'
          : `Le prix du ${priceIndex.labelFr} suit un indice publié : un prix révisable évite de reporter l’aléa sur les offres (R2112-13).`,
      ]
    : [
        'Les prix sont fermes (R2112-9) : la famille ne suit pas d’indice de cours retenu par Mutualis ; un prix révisable reste requis en cas d’aléas majeurs prévisibles (R2112-13).',
      ];
  return {
    title,
    parts: [
      {
        title: 'Règlement de la consultation (extraits)',
        sections: [
          {
            heading: 'Objet et procédure',
            paragraphs: [`${title}. Procédure : ${procedureLabel}. Lancement prévu le ${formatDate(launchDate)}.`],
          },
          { heading: 'Allotissement (L2113-10) et nombre de lots par candidat (R2113-1)', paragraphs: [...lotParagraphs, maxLotsClause] },
          {
            heading: 'Candidatures : groupements et capacités',
            paragraphs: [
              JOINT_BID_RULE_FR,
              ...turnover,
              ...(r2142_7 ? [`${r2142_7.article} : « ${r2142_7.text} » (${r2142_7.source}).`] : []),
            ],
          },
          { heading: 'Critères d’attribution et pondération (L2152-7, R2152-7)', paragraphs: criteria },
        ],
      },
      {
        title: 'Cahier des clauses administratives particulières (extraits)',
        sections: [
          { heading: 'Conditions d’exécution (L2112-2)', paragraphs: conditions },
          { heading: 'Prix et révision', paragraphs: revision },
        ],
      },
    ],
  };
}

function formatEuros(cents: Cents): string {
  return `${Math.round(cents / 100)
    .toLocaleString('fr-FR')
    .replace(/\u202f/g, '\u00a0')}\u00a0€`;
}

function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}
