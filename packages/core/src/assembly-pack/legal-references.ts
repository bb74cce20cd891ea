import type { IsoDate } from '../domain/types';
import { DomainError } from '../errors/domain-error';

/** One article the assembly pack cites, in the version in force over a date range, with where it was checked. */
export interface LegalReferenceVersion {
  /** Stable key of the article (`ccp-l2113-6`), shared by its versions. */
  key: string;
  /** Unique id of this version. */
  id: string;
  /** As written in documents: « article L2113-6 du Code de la commande publique ». */
  citation: string;
  effectiveFrom: IsoDate;
  /** Inclusive last day, null when still in force. */
  effectiveTo: IsoDate | null;
  /** The text that created or last amended it. */
  amendedBy: string;
  /** Date the text was last compared with its published version, and where. */
  checkedOn: IsoDate;
  sources: readonly string[];
  /** The sentences the pack relies on, quoted. */
  text: string;
}

/**
 * The articles of the assembly pack as versioned data (CGCT L1414-3 lives with the tender-commission
 * rule, `procedure/tender-commission.ts`). A new wording is a new version, never an edit in place.
 */
export const ASSEMBLY_PACK_REFERENCES: readonly LegalReferenceVersion[] = [
  {
    key: 'ccp-l2113-6',
    id: 'ccp-l2113-6-2019-04-01',
    citation: 'article L2113-6 du Code de la commande publique',
    effectiveFrom: '2019-04-01',
    effectiveTo: null,
    amendedBy: 'Ordonnance n° 2018-1074 du 26 novembre 2018 (création)',
    checkedOn: '2026-12-06',
    sources: [
      'https://circulaire.legifrance.gouv.fr/codes/section_lc/LEGITEXT000037701019/LEGISCTA000037703498/2022-07-04/',
      'https://code-commande-publique.com/groupement-de-commande-l2113-6-a-l2113-8',
    ],
    text: 'Des groupements de commandes peuvent être constitués entre des acheteurs afin de passer conjointement un ou plusieurs marchés. Un groupement de commandes peut également être constitué, aux mêmes fins, entre un ou plusieurs acheteurs et une ou plusieurs personnes morales de droit privé qui ne sont pas des acheteurs, à condition que chacun des membres du groupement applique, pour les achats réalisés dans le cadre du groupement, les règles prévues par la présente partie.',
  },
  {
    key: 'ccp-l2113-7',
    id: 'ccp-l2113-7-2019-04-01',
    citation: 'article L2113-7 du Code de la commande publique',
    effectiveFrom: '2019-04-01',
    effectiveTo: null,
    amendedBy: 'Ordonnance n° 2018-1074 du 26 novembre 2018 (création)',
    checkedOn: '2026-12-06',
    sources: ['https://circulaire.legifrance.gouv.fr/codes/section_lc/LEGITEXT000037701019/LEGISCTA000037703498/2022-07-04/'],
    text: 'La convention constitutive du groupement, signée par ses membres, définit les règles de fonctionnement du groupement. Elle peut confier à l’un ou plusieurs de ses membres la charge de mener tout ou partie de la procédure de passation ou de l’exécution du marché au nom et pour le compte des autres membres. Les acheteurs membres du groupement de commandes sont solidairement responsables des seules opérations de passation ou d’exécution du marché qui sont menées conjointement en leur nom et pour leur compte selon les stipulations de la convention constitutive.',
  },
  {
    key: 'ccp-r2121-8',
    id: 'ccp-r2121-8-2022-01-01',
    citation: 'article R2121-8 du Code de la commande publique',
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    amendedBy: 'Décret n° 2021-1111 du 23 août 2021, art. 2',
    checkedOn: '2026-12-06',
    sources: [
      'https://marche-public.fr/ccp/R2121-08-valeur-estimee-besoin-accords-cadres-systemes-acquisition-dynamique.htm (source : Legifrance)',
      'https://code-commande-publique.com/accords-cadres/r-2121-8-calcul-des-seuils-des-accords-cadres-et-systemes-dacquisition-dynamique',
    ],
    text: 'Pour les accords-cadres et les systèmes d’acquisition dynamiques définis à l’article L. 2125-1, la valeur estimée du besoin est déterminée en prenant en compte la valeur maximale estimée de l’ensemble des marchés à passer ou des bons de commande à émettre pendant la durée totale de l’accord-cadre ou du système d’acquisition dynamique.',
  },
  {
    key: 'ccp-r2162-4',
    id: 'ccp-r2162-4-2022-01-01',
    citation: 'article R2162-4 du Code de la commande publique',
    effectiveFrom: '2022-01-01',
    effectiveTo: null,
    amendedBy: 'Décret n° 2021-1111 du 23 août 2021 (accords-cadres sans maximum supprimés)',
    checkedOn: '2026-12-06',
    sources: [
      'https://juriblio.fr/codes/code-de-la-commande-publique/partie-reglementaire/deuxieme-partie/livre-ier/titre-vi/chapitre-ii/section-1/sous-section-1/article-r2162-4',
    ],
    text: 'Les accords-cadres peuvent être conclus : 1° Soit avec un minimum et un maximum en valeur ou en quantité ; 2° Soit avec seulement un maximum en valeur ou en quantité.',
  },
];

export type LegalReferenceKey = 'ccp-l2113-6' | 'ccp-l2113-7' | 'ccp-r2121-8' | 'ccp-r2162-4';

/** The version of an article in force at `at`; throws `validation_failed` when none covers the date. */
export function legalReferenceAt(key: LegalReferenceKey, at: IsoDate, references = ASSEMBLY_PACK_REFERENCES): LegalReferenceVersion {
  const found = references.find((r) => r.key === key && r.effectiveFrom <= at && (r.effectiveTo === null || at <= r.effectiveTo));
  if (!found)
    throw DomainError.validation(`Aucune version de l’article ${key} ne couvre cette date.`, [
      { field: 'at', reason: `aucune version en vigueur le ${at}` },
    ]);
  return found;
}
