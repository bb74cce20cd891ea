import type { IsoDate } from '../domain/types';

/**
 * A condition a producer must meet before it can answer for a product, whatever its weighted
 * competences: an authorisation or declaration (the product may not be placed on the market
 * without it) or a capability the product's rules require. Blocking, unlike recipe competences.
 */
export interface ProductPrerequisite {
  code: string;
  /** Applies to recipes whose product CPV code is under this prefix. */
  productCpvPrefix: string;
  labelFr: string;
  kind: 'authorisation' | 'capability';
  /** It concerns the product itself (a new product must obtain it even where a firm knows how), not a firm's site or skills. */
  isProductSpecific: boolean;
  /** Competence codes any one of which shows the bidder (or a member of a joint bid) meets it. */
  metByCompetences: readonly string[];
  /** Legal basis, cited in every explanation. */
  article: string;
  source: string;
  /** When the source was read against the text in force. */
  checkedOn: IsoDate;
  /** Who grants or receives it; null for a capability. */
  authority: string | null;
  /** Usual delay to obtain it, in days (order of magnitude, said as such). */
  usualDelayDays: number;
  delayNote: string;
}

/** A dated version of the prerequisites table (the rules change: keep the old versions for past decisions). */
export interface PrerequisiteTableVersion {
  id: string;
  effectiveFrom: IsoDate;
  prerequisites: readonly ProductPrerequisite[];
}

const HAND_RUB = '337413';

/** Versions of the prerequisites table, oldest first. */
export const PREREQUISITE_TABLE: readonly PrerequisiteTableVersion[] = [
  {
    id: 'prerequisites-2026-12',
    effectiveFrom: '2026-12-01',
    prerequisites: [
      {
        code: 'biocide-declaration',
        productCpvPrefix: HAND_RUB,
        labelFr: 'Déclaration du produit biocide TP1 avant sa mise sur le marché (inventaire Simmbad)',
        kind: 'authorisation',
        isProductSpecific: true,
        metByCompetences: ['reglementation-biocides'],
        article:
          'Règlement (UE) n° 528/2012 (produits biocides, TP1 hygiène humaine ; éthanol en cours d’évaluation : régime transitoire de l’art. 89) ; code de l’environnement, art. L522-1 et suivants',
        source:
          'FAQ du ministère de la Transition écologique sur les produits hydro-alcooliques (mai 2020, reprise par ecomundo.eu) ; déclaration inventaire sur Simmbad avant toute mise sur le marché français',
        checkedOn: '2026-12-06',
        authority: 'Ministère chargé de l’environnement (téléservice Simmbad) ; composition déclarée à l’INRS (Synapse)',
        usualDelayDays: 90,
        delayNote:
          'déclaration en ligne immédiate, mais dossier à constituer avant : fiche de données de sécurité, étiquetage biocide, preuves d’efficacité (EN 1500) — environ 3 mois, ordre de grandeur Mutualis',
      },
      {
        code: 'quality-control',
        productCpvPrefix: HAND_RUB,
        labelFr: 'Contrôle qualité de chaque lot (titre alcoométrique, quarantaine de 72 h)',
        kind: 'capability',
        isProductSpecific: false,
        metByCompetences: ['laboratoire-controle-qualite'],
        article: 'OMS, Guide de production locale des formulations de friction hydro-alcoolique (2010), contrôle de qualité',
        source: 'OMS 2010, formulation 1 : contrôle du titre à l’alcoomètre et quarantaine de 72 h avant distribution',
        checkedOn: '2026-12-06',
        authority: null,
        usualDelayDays: 30,
        delayNote: 'contrat avec un laboratoire ou alcoomètre étalonné et procédure écrite — environ 1 mois, ordre de grandeur Mutualis',
      },
      {
        code: 'icpe-flammable-storage',
        productCpvPrefix: HAND_RUB,
        labelFr: 'Stockage d’éthanol couvert par le statut ICPE du site (rubrique 4331, liquides inflammables de catégorie 2 ou 3)',
        kind: 'authorisation',
        isProductSpecific: false,
        metByCompetences: ['stockage-inflammables'],
        article:
          'Code de l’environnement, nomenclature ICPE, rubrique 4331 : déclaration avec contrôle de 50 à 100 t, enregistrement de 100 à 1 000 t, autorisation au-delà',
        source: 'AIDA (INERIS), nomenclature des installations classées, rubrique 4331',
        checkedOn: '2026-12-06',
        authority: 'Préfecture (inspection des installations classées, DREAL)',
        usualDelayDays: 150,
        delayNote:
          'déclaration : dès le dépôt ; enregistrement : 4 à 5 mois d’instruction (présentation de l’ordonnance n° 2009-663 créant ce régime, La Gazette des communes, 2009), dont 4 semaines de consultation du public (AIDA, INERIS) — le régime dépend de la quantité totale présente sur le site',
      },
    ],
  },
];

/** The prerequisites table in force at `at` (the first version when `at` precedes them all). */
export function prerequisitesInForce(
  at: IsoDate,
  table: readonly PrerequisiteTableVersion[] = PREREQUISITE_TABLE,
): PrerequisiteTableVersion {
  const inForce = table.filter((v) => v.effectiveFrom <= at);
  const version = inForce[inForce.length - 1] ?? table[0];
  if (!version) throw new Error('empty prerequisites table');
  return version;
}

/** Prerequisites of a product (the recipe's product CPV code). */
export function prerequisitesOfProduct(
  productCpvCode: string,
  version: PrerequisiteTableVersion = prerequisitesInForce('9999-12-31'),
): ProductPrerequisite[] {
  return version.prerequisites.filter((p) => productCpvCode.startsWith(p.productCpvPrefix));
}
