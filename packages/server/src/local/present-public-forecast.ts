import type { UnitCode } from '@mutualis/core';
import type { PlannedConsultation } from '@mutualis/db';

/** A planned consultation as the public sees it: published volumes only, no prices, no member detail. */
export interface PublicConsultation {
  id: string;
  title: string;
  cpvCode: string;
  volume: number | null;
  unit: UnitCode | null;
  buyerCount: number;
  lots: { id: string; label: string; volume: number | null; unit: UnitCode | null }[];
  maxLotsPerBidder: number | null;
  launchDate: string;
  startDate: string;
  notes: string;
  publishedAt: string;
}

/** Picks the published fields of a consultation (whitelist: anything added later stays private). */
export function presentPublicConsultation(c: PlannedConsultation): PublicConsultation {
  return {
    id: c.id,
    title: c.title,
    cpvCode: c.cpvCode,
    volume: c.volume,
    unit: c.unit,
    buyerCount: c.buyerCount,
    lots: c.lots.map(({ id, label, volume, unit }) => ({ id, label, volume, unit })),
    maxLotsPerBidder: c.maxLotsPerBidder,
    launchDate: c.launchDate,
    startDate: c.startDate,
    notes: c.notes,
    publishedAt: c.createdAt,
  };
}

/** The forecast as CSV (`;`, French Excel), one row per lot. */
export function forecastCsvRows(consultations: readonly PublicConsultation[]): string[][] {
  const header = ['consultation', 'code_cpv', 'lancement_prevu', 'debut_execution', 'acheteurs', 'lot', 'volume_annuel_lot', 'unite'];
  const rows = consultations.flatMap((c) =>
    c.lots.map((l) => [
      c.title,
      c.cpvCode,
      c.launchDate,
      c.startDate,
      String(c.buyerCount),
      l.label,
      l.volume === null ? '' : String(Math.round(l.volume)),
      l.unit ?? '',
    ]),
  );
  return [header, ...rows];
}
