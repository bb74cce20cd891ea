import type { IsoDate } from '../domain/types';

/** One legal rule with where it was read; `verify` marks a text not confirmed word for word. */
export interface AwardLegalText {
  article: string;
  text: string;
  source: string;
  verify: boolean;
}

/** Award and candidature rules in force for consultations launched from `effectiveFrom` (the notice's date). */
export interface AwardRuleVersion {
  id: string;
  effectiveFrom: IsoDate;
  /** At least one award criterion takes the offer's environmental characteristics into account. */
  environmentalCriterionRequired: boolean;
  /** Execution conditions take environmental considerations into account. */
  environmentalConditionRequired: boolean;
  /** At or above the EU thresholds, execution conditions take social or employment considerations into account (save exceptions). */
  socialConditionAboveEuThresholds: boolean;
  /** R2142-7: minimum annual turnover required ≤ factor × estimated amount of the contract or lot (R2142-8: per lot). */
  turnoverCapFactor: number;
  texts: readonly AwardLegalText[];
}

const R2142_7_2019: AwardLegalText = {
  article: 'R2142-7',
  text: 'Le chiffre d’affaires minimal exigé ne peut être supérieur à deux fois le montant estimé du marché ou du lot, sauf justifications liées à son objet ou à ses conditions d’exécution.',
  source: 'Décret n° 2018-1075 du 3 décembre 2018 ; code-commande-publique.com, lu le 6 décembre 2026',
  verify: false,
};
const R2142_7_2026: AwardLegalText = {
  article: 'R2142-7',
  text: 'Le chiffre d’affaires minimal exigé ne peut être supérieur à une fois et demie le montant estimé du marché ou du lot, sauf justifications liées à son objet ou à ses conditions d’exécution.',
  source:
    'Décret n° 2025-1383 du 29 décembre 2025, art. 4 : en vigueur le 1er janvier 2026 pour les consultations engagées à compter de cette date (Légifrance LEGIARTI000053218157 via tricoteuses.fr, lu le 6 décembre 2026)',
  verify: false,
};
const R2142_8: AwardLegalText = {
  article: 'R2142-8',
  text: 'En cas de marché alloti, le plafond mentionné à l’article R. 2142-7 s’applique pour chacun des lots.',
  source: 'code-commande-publique.com, lu le 6 décembre 2026',
  verify: false,
};
const R2152_7_SECURITY: AwardLegalText = {
  article: 'R2152-7',
  text: 'Parmi les critères liés à l’objet du marché : les délais d’exécution, les conditions de livraison, […] la sécurité des approvisionnements.',
  source: 'Code de la commande publique, art. R2152-7, 2°',
  verify: true,
};
const CLIMATE_CRITERION: AwardLegalText = {
  article: 'L2152-7 et R2152-7',
  text: 'Au moins un des critères d’attribution prend en compte les caractéristiques environnementales de l’offre ; le critère unique du prix n’est plus possible.',
  source:
    'Loi n° 2021-1104 du 22 août 2021 (Climat et résilience), art. 35 ; décret n° 2022-767 du 2 mai 2022 : à compter du 21 août 2026 (admys-avocats.com ; Légifrance date la version à venir de la partie législative du 22 août 2026)',
  verify: false,
};
const CLIMATE_CONDITION: AwardLegalText = {
  article: 'L2112-2',
  text: 'Les conditions d’exécution prennent en compte des considérations relatives à l’environnement. Elles peuvent également prendre en compte des considérations relatives à l’économie, à l’innovation, au domaine social, à l’emploi ou à la lutte contre les discriminations.',
  source: 'Loi n° 2021-1104, art. 35, IV : au plus tard cinq ans après sa promulgation (code-commande-publique.com, version à venir)',
  verify: false,
};
const CLIMATE_SOCIAL: AwardLegalText = {
  article: 'L2112-2-1',
  text: 'Les marchés d’une valeur estimée égale ou supérieure aux seuils européens comprennent des conditions d’exécution prenant en compte des considérations relatives au domaine social ou à l’emploi, sauf exceptions prévues par le texte.',
  source: 'Loi n° 2021-1104, art. 35 (marche-public.info, arnia-bfc.fr) — numéro et exceptions à confirmer sur Légifrance',
  verify: true,
};

/** Versions, oldest first; a consultation follows the version in force on the day its notice is sent. */
export const AWARD_RULE_TABLE: readonly AwardRuleVersion[] = [
  {
    id: 'award-2019-04',
    effectiveFrom: '2019-04-01',
    environmentalCriterionRequired: false,
    environmentalConditionRequired: false,
    socialConditionAboveEuThresholds: false,
    turnoverCapFactor: 2,
    texts: [R2142_7_2019, R2142_8, R2152_7_SECURITY],
  },
  {
    id: 'award-2026-01',
    effectiveFrom: '2026-01-01',
    environmentalCriterionRequired: false,
    environmentalConditionRequired: false,
    socialConditionAboveEuThresholds: false,
    turnoverCapFactor: 1.5,
    texts: [R2142_7_2026, R2142_8, R2152_7_SECURITY],
  },
  {
    id: 'award-2026-08',
    effectiveFrom: '2026-08-21',
    environmentalCriterionRequired: true,
    environmentalConditionRequired: true,
    socialConditionAboveEuThresholds: true,
    turnoverCapFactor: 1.5,
    texts: [R2142_7_2026, R2142_8, R2152_7_SECURITY, CLIMATE_CRITERION, CLIMATE_CONDITION, CLIMATE_SOCIAL],
  },
];

/** The version in force for a consultation launched on `launchDate`. */
export function awardRulesInForce(launchDate: IsoDate, table: readonly AwardRuleVersion[] = AWARD_RULE_TABLE): AwardRuleVersion {
  const inForce = table.filter((v) => v.effectiveFrom <= launchDate);
  const version = inForce[inForce.length - 1] ?? table[0];
  if (!version) throw new Error('empty award rule table');
  return version;
}

/** The text of an article in a version (first match). */
export function awardText(version: AwardRuleVersion, article: string): AwardLegalText | undefined {
  return version.texts.find((t) => t.article === article || t.article.startsWith(`${article} `));
}
