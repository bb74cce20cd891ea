import type { Cents, IsoDate } from '../domain/types';

/** One threshold amount with its legal basis and source; `verify` marks values not confirmed against Légifrance/EUR-Lex. */
export interface Threshold {
  amountCents: Cents;
  article: string;
  source: string;
  verify: boolean;
}

/** Thresholds in force over a date range (procedures launched — notice sent — within it, R2121-3). */
export interface ThresholdVersion {
  id: string;
  effectiveFrom: IsoDate;
  /** Inclusive last day, null when open-ended. */
  effectiveTo: IsoDate | null;
  /** Dispense de publicité et de mise en concurrence, supplies and services (value strictly below). */
  dispenseSupplies: Threshold;
  /** Dispense, works. */
  dispenseWorks: Threshold;
  /** MAPA publicity in the BOAMP or a JAL from this value. */
  publicity: Threshold;
  /** EU formalised threshold, supplies and services of central government authorities (État). */
  formalisedState: Threshold;
  /** EU formalised threshold, supplies and services of other contracting authorities (collectivités, hospitals). */
  formalisedLocal: Threshold;
  /** EU formalised threshold, works. */
  formalisedWorks: Threshold;
}

/** A list of versions, sorted by date; editable data (thresholds change every two years on 1 January of even years). */
export type ThresholdTable = readonly ThresholdVersion[];

const EUR = 100;
const R2122_8_DECREE = 'R2122-8 mod. décret n°2025-1386 du 29 déc. 2025 — kohenavocats.fr, adden-leblog.com';
const EU_2024 = 'Avis du 7 déc. 2023 relatif aux seuils de procédure (annexe n°2 CCP) — gestionnaire03.fr';
const EU_2026 =
  'Règlement délégué (UE) 2025/2152, JOUE 23 oct. 2025 — racinebrussels.eu, cdg22.fr ; avis relatif aux seuils de procédure (JORF, déc. 2025 ; annexe n°2 CCP) applicable au 1er janv. 2026, substitué à l’avis du 7 déc. 2023 — idcite.com, lu le 6 déc. 2026';

function t(amountEuros: number, article: string, source: string, verify = false): Threshold {
  return { amountCents: amountEuros * EUR, article, source, verify };
}

const publicity = t(90_000, 'R2131-12', 'CCP R2131-12 — french-business-law.com');
const dispenseWorks = t(100_000, 'R2122-8', R2122_8_DECREE);
const eu2024 = {
  formalisedState: t(143_000, 'L2124-1', EU_2024),
  formalisedLocal: t(221_000, 'L2124-1', EU_2024),
  formalisedWorks: t(5_538_000, 'L2124-1', EU_2024),
};
// The December 2025 French avis (annexe n°2 CCP) applies the 2026-2027 EU values from 1 January 2026.
const eu2026 = {
  formalisedState: t(140_000, 'L2124-1', EU_2026),
  formalisedLocal: t(216_000, 'L2124-1', EU_2026),
  formalisedWorks: t(5_404_000, 'L2124-1', EU_2026),
};

/** Thresholds 2024–2027 (domain-procurement.md §4), in euro cents HT. */
export const THRESHOLD_TABLE: ThresholdTable = [
  {
    id: 'seuils-2024-01',
    effectiveFrom: '2024-01-01',
    effectiveTo: '2025-12-31',
    dispenseSupplies: t(40_000, 'R2122-8', 'CCP R2122-8 (décret n°2022-1683)'),
    // Works dispense at 100 000 € was temporary until 31 Dec 2025 (décret n°2024-1217).
    dispenseWorks: t(100_000, 'R2122-8', 'décret n°2024-1217 (prolongation loi ASAP)'),
    publicity,
    ...eu2024,
  },
  {
    id: 'seuils-2026-01',
    effectiveFrom: '2026-01-01',
    effectiveTo: '2026-03-31',
    dispenseSupplies: t(40_000, 'R2122-8', R2122_8_DECREE),
    dispenseWorks,
    publicity,
    ...eu2026,
  },
  {
    id: 'seuils-2026-04',
    effectiveFrom: '2026-04-01',
    effectiveTo: '2027-12-31',
    // R2122-8: 60 000 € for supplies and services for consultations engaged from 1 April 2026.
    dispenseSupplies: t(60_000, 'R2122-8', R2122_8_DECREE),
    dispenseWorks,
    publicity,
    ...eu2026,
  },
];

/** The version in force on a date, or undefined when the table does not cover it. */
export function findThresholdVersion(table: ThresholdTable, date: IsoDate): ThresholdVersion | undefined {
  return table.find((v) => v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo));
}
