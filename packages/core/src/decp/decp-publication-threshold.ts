import { addDays, formatDateFr } from '../calendar/iso-date';
import type { Cents, IsoDate } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';

/**
 * The value from which a marché's essential data must be published (DECP), for the marchés notified
 * over a date range. Below it nothing is published (or, between 25,000 € and it, at the buyer's
 * choice): estimates read from the DECP miss a family's smaller purchases.
 */
export interface DecpPublicationThreshold {
  id: string;
  effectiveFrom: IsoDate;
  /** Inclusive last day, null when open-ended. */
  effectiveTo: IsoDate | null;
  /** Marchés of this value HT or more. */
  amountCents: Cents;
  article: string;
  /** The texts, and where they were read (dated). */
  source: string;
}

/** Versions of the threshold, sorted by date (domain-procurement.md §4–5). */
export const DECP_PUBLICATION_THRESHOLDS: readonly DecpPublicationThreshold[] = [
  {
    id: 'decp-2018-10',
    effectiveFrom: '2018-10-01',
    effectiveTo: '2019-12-31',
    amountCents: 2_500_000,
    article: 'R2196-1',
    source:
      'art. 107 du décret n° 2016-360 (profil d’acheteur, marchés notifiés depuis le 1er oct. 2018), puis CCP R2196-1 dans sa version du 1er avr. 2019 — acheteurspublics (sites.google.com), lu le 7 déc. 2026',
  },
  {
    id: 'decp-2020-01',
    effectiveFrom: '2020-01-01',
    effectiveTo: null,
    amountCents: 4_000_000,
    article: 'R2196-1',
    source:
      'CCP R2196-1 mod. décret n° 2019-1344 du 12 déc. 2019 ; publication sur data.gouv.fr des marchés notifiés depuis le 1er janv. 2024 (décret n° 2022-767 du 2 mai 2022, arrêté du 22 déc. 2022), au choix de l’acheteur entre 25 000 et 40 000 € HT ; article non modifié par le décret n° 2025-1386 du 29 déc. 2025 — lemoniteur.fr, juriblio.fr, lus le 7 déc. 2026',
  },
];

/** The threshold for a marché notified on `date`; null before the first version. */
export function decpPublicationThresholdOn(date: IsoDate, table = DECP_PUBLICATION_THRESHOLDS): DecpPublicationThreshold | null {
  return table.find((t) => t.effectiveFrom <= date && (t.effectiveTo === null || date <= t.effectiveTo)) ?? null;
}

/**
 * What the DECP leave out, in French, from the table: « Les données essentielles ne publient que les
 * marchés de 40 000 € HT et plus (art. R2196-1 ; 25 000 € HT pour les marchés notifiés avant le
 * 1er janvier 2020) : les achats plus petits n’y figurent pas, et une famille achetée en petits
 * marchés y est sous-estimée. »
 */
export function describeDecpCoverage(table = DECP_PUBLICATION_THRESHOLDS): string {
  const current = table[table.length - 1] as DecpPublicationThreshold;
  const earlier = table
    .slice(0, -1)
    .map(
      (t) =>
        `${formatEuros(t.amountCents)} HT pour les marchés notifiés avant le ${formatDateFr(addDays(t.effectiveTo ?? t.effectiveFrom, 1))}`,
    );
  return (
    `Les données essentielles ne publient que les marchés de ${formatEuros(current.amountCents)} HT et plus (art. ${current.article}` +
    `${earlier.length > 0 ? ` ; ${earlier.join(', ')}` : ''}) : les achats plus petits n’y figurent pas, et une famille achetée en petits marchés y est sous-estimée.`
  );
}
