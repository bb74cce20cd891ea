import { foldText } from '../cpv/cpv-catalog';
import { isCpvUnder } from '../cpv/cpv-code';
import type { PurchaseFamily } from '../domain/types';

/** Volume elasticity b of the unit price p(V) = p_ref × (V/V_ref)^(−b), with a range and its provenance. */
export type Elasticity = PurchaseFamily['elasticity'];

/**
 * Largest b a facilitator may enter: a modelling bound (1 − 2^(−0,33) ≈ 20 % per doubling of
 * volume), above any elasticity the published evaluations would support.
 */
export const MAX_ELASTICITY = 0.33;

/**
 * `price`: pooling may lower prices, within the published range. `supply_security`: a commodity or
 * concentrated market where the published evidence shows no price effect of pooling; the central
 * estimate is then zero and the benefit is stated in words (supply, administrative work).
 */
export type SavingsCalibrationKind = 'price' | 'supply_security';

/** How the savings model is set for one purchase segment, and on which published evidence. */
export interface SavingsCalibration {
  id: string;
  label: string;
  kind: SavingsCalibrationKind;
  /**
   * Published range of price savings as a share of the annual amount: the central estimate stays
   * within it, and no member's price saving exceeds `high` of its own amount.
   */
  range: { low: number; high: number };
  /** Evidence ids (EVIDENCE_SOURCES) the range rests on. */
  sourceIds: string[];
  /** Why this range, in French, naming what the sources measured. */
  rationale: string;
  /** What pooling brings instead of price, for `supply_security` segments. */
  benefit: string | null;
  /** Modelling assumptions (no published elasticity exists): editable by the facilitator. */
  elasticity: Elasticity;
  /** Shipped families calibrated by this segment. */
  familyIds: string[];
  cpvPrefixes: string[];
  keywords: string[];
}

const ASSUMPTION = 'Hypothèse de modélisation modifiable par l’animateur (aucune élasticité publiée)';
const GENERAL_SOURCES = ['malvy-lambert-2014', 'cour-des-comptes-2024', 'petersen-jensen-bhatti-2022', 'nao-ccs-2016'];
const GENERAL_RANGE = { low: 0, high: 0.15 };
const GENERAL_RATIONALE =
  'Aucun taux publié propre à cette famille : fourchette des évaluations de la mutualisation en général, de 0 % (essai randomisé, Danemark 2022 ; gains non attribuables selon l’auditeur britannique, 2016) à 10–15 % (estimation pour les groupements, rapport Malvy–Lambert 2014 ; objectif de 10 % proposé par la Cour des comptes en 2024).';

function general(
  id: string,
  label: string,
  elasticity: [number, number, number],
  why: string,
  match: Pick<SavingsCalibration, 'familyIds' | 'cpvPrefixes' | 'keywords'>,
): SavingsCalibration {
  const [low, central, high] = elasticity;
  return {
    id,
    label,
    kind: 'price',
    range: GENERAL_RANGE,
    sourceIds: GENERAL_SOURCES,
    rationale: GENERAL_RATIONALE,
    benefit: null,
    elasticity: { low, central, high, provenance: `${ASSUMPTION} : ${why}` },
    ...match,
  };
}

/**
 * The calibration of every segment (savings-evidence.md, checked against the primary sources in
 * savings-evidence.ts). The low scenario is always « no price saving »: a randomised trial found
 * none, so b_low = 0 everywhere.
 */
export const SAVINGS_CALIBRATIONS: readonly SavingsCalibration[] = [
  {
    id: 'salt',
    label: 'Sel de déneigement',
    kind: 'supply_security',
    range: { low: 0, high: 0 },
    sourceIds: ['afp-sel-2010', '20minutes-sel-2010'],
    rationale:
      'Aucun taux d’économie par mutualisation n’est publié pour le sel. Marché de matière première à peu de producteurs, prix dominé par le transport que la mutualisation ne raccourcit pas : aucun effet prix n’est retenu.',
    benefit:
      'Sécurité d’approvisionnement : lors de la pénurie de l’hiver 2010, les producteurs ont servi d’abord leurs clients sous contrat et le vrac (75,50 €/t) était réservé aux grands axes ; une commune sans contrat achetait des sacs à 170 €/t. Un marché groupé à minimum et maximum, avec stockage, protège chaque membre.',
    elasticity: { low: 0, central: 0, high: 0, provenance: `${ASSUMPTION} : pas d’effet volume retenu, le transport domine le prix.` },
    familyIds: ['fam-salt'],
    cpvPrefixes: ['14400000', '34927100'],
    keywords: ['sel', 'deneigement', 'salage'],
  },
  {
    id: 'paper',
    label: 'Papier de reprographie',
    kind: 'supply_security',
    range: { low: 0, high: 0.02 },
    sourceIds: ['anac-carta-2025', 'bandiera-prat-valletti-2009'],
    rationale:
      'Bien standardisé au prix de marché : en Italie, plafonner les prix payés par les acheteurs publics au 70e centile ne ferait gagner que 2 % sur l’A4 (ANAC, 2025). Aucun effet prix central n’est retenu ; au mieux 2 % par l’harmonisation des prix.',
    benefit:
      'Un seul marché, des références harmonisées (recyclé 80 g) et une procédure au lieu d’une par acheteur ; l’économie de prix attendue est nulle.',
    elasticity: {
      low: 0,
      central: 0,
      high: 0.03,
      provenance: `${ASSUMPTION} : le papier suit le cours de la pâte, le volume n’y change presque rien.`,
    },
    familyIds: ['fam-paper'],
    cpvPrefixes: ['30197600', '30197630', '30197640', '30199100'],
    keywords: ['papier', 'ramette'],
  },
  general('office-supplies', 'Fournitures de bureau', [0, 0.05, 0.1], 'remises de catalogue croissantes avec le panier.', {
    familyIds: ['fam-office-supplies'],
    cpvPrefixes: ['30190000', '30192000', '30199000', '30197100'],
    keywords: ['fournitures de bureau', 'papeterie'],
  }),
  general('ppe', 'EPI et gants', [0, 0.05, 0.08], 'remises de volume modérées ; l’harmonisation des références compte davantage.', {
    familyIds: ['fam-ppe-gloves'],
    cpvPrefixes: ['18141000', '18143000', '18424000', '35113400', '18130000', '18830000', '18444100'],
    keywords: ['gants', 'epi', 'protection individuelle'],
  }),
  general(
    'printed-matter',
    'Imprimés (carnets, livrets)',
    [0, 0.1, 0.2],
    'coûts fixes de calage et de prépresse répartis sur un tirage plus long.',
    {
      familyIds: ['fam-health-booklets'],
      cpvPrefixes: ['22100000', '22160000', '22458000', '22800000'],
      keywords: ['carnet', 'livret', 'fascicule', 'imprime'],
    },
  ),
  general(
    'hand-sanitizer',
    'Gel hydroalcoolique',
    [0, 0.05, 0.1],
    'économies d’échelle jusqu’à la capacité d’une production locale, au-delà le prix remonte.',
    {
      familyIds: ['fam-hand-sanitizer'],
      cpvPrefixes: ['33741300', '33631600', '24455000'],
      keywords: ['hydroalcoolique', 'hydro-alcoolique'],
    },
  ),
  general('cleaning', 'Produits d’entretien', [0, 0.05, 0.08], 'biens de catalogue, comme les fournitures.', {
    familyIds: ['fam-cleaning'],
    cpvPrefixes: ['39800000', '39830000', '33711900', '33760000', '39224300'],
    keywords: ['detergent'],
  }),
  general('it-consumables', 'Consommables informatiques', [0, 0.05, 0.1], 'biens de catalogue, comme les fournitures de bureau.', {
    familyIds: ['fam-it-consumables'],
    cpvPrefixes: ['30125000', '30237000'],
    keywords: ['toner', 'cartouches'],
  }),
  general('food', 'Denrées alimentaires', [0, 0.03, 0.06], 'l’allotissement par filière limite le volume par lot.', {
    familyIds: ['fam-school-food'],
    cpvPrefixes: ['15000000', '03200000', '03142500'],
    keywords: ['denrees'],
  }),
  general('fuels', 'Carburants', [0, 0.02, 0.04], 'prix indexé sur les cotations, seule la marge du distributeur se négocie.', {
    familyIds: ['fam-fuels'],
    cpvPrefixes: ['09134000', '09132000', '09135000'],
    keywords: ['carburant', 'gazole'],
  }),
  {
    ...general('electricity', 'Électricité', [0, 0.02, 0.05], 'la part énergie suit les marchés de gros.', {
      familyIds: ['fam-electricity'],
      cpvPrefixes: ['09310000'],
      keywords: [],
    }),
    range: { low: 0, high: 0.075 },
    sourceIds: ['bourgogne-electricite', 'petersen-jensen-bhatti-2022'],
    rationale:
      'Groupement bourguignon de 231 acheteurs : 7,5 % en moyenne sous les tarifs réglementés (chiffre déclaré, sans contrefactuel) ; la part énergie suit les marchés de gros.',
  },
];

/** Segment used when no other matches: the evaluations of pooled purchasing in general. */
export const GENERAL_CALIBRATION: SavingsCalibration = general(
  'general',
  'Achats mutualisés en général',
  [0, 0.05, 0.1],
  '3,4 % d’économie par doublement du volume au central.',
  { familyIds: [], cpvPrefixes: [], keywords: [] },
);

/**
 * The calibration of a family: the shipped family's own, else the segment of the first code
 * (callers list the needs' CPV codes by decreasing amount, then the family codes) under a segment
 * prefix (most specific prefix), else a label keyword, else the general one.
 */
export function resolveSavingsCalibration(family: {
  familyId: string | null;
  cpvCodes: readonly string[];
  label: string;
}): SavingsCalibration {
  const byFamily = family.familyId === null ? undefined : SAVINGS_CALIBRATIONS.find((c) => c.familyIds.includes(family.familyId ?? ''));
  if (byFamily) return byFamily;
  for (const code of family.cpvCodes) {
    let best: { digits: number; calibration: SavingsCalibration } | undefined;
    for (const calibration of SAVINGS_CALIBRATIONS) {
      for (const prefix of calibration.cpvPrefixes) {
        const digits = prefix.replace(/0+$/, '').length;
        if (isCpvUnder(code, prefix) && (!best || digits > best.digits)) best = { digits, calibration };
      }
    }
    if (best) return best.calibration;
  }
  const label = foldText(family.label);
  return SAVINGS_CALIBRATIONS.find((c) => c.keywords.some((k) => new RegExp(`\\b${k}s?\\b`).test(label))) ?? GENERAL_CALIBRATION;
}

/** The default elasticity of a family (its calibration's). */
export function defaultElasticity(family: { cpvCodes: readonly string[]; label: string }): Elasticity {
  return resolveSavingsCalibration({ familyId: null, ...family }).elasticity;
}
