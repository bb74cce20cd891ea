import type { Cents, IsoDate } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { addTableSheet, centsToEuros, isoToDate, workbookToBuffer } from './xlsx-table';

/** One pooling opportunity as shown in the export: what is pooled, by whom, for how much, and the expected savings. */
export interface OpportunityExportRow {
  familyName: string;
  cpvCodes: readonly string[];
  memberNames: readonly string[];
  /** Pooled figures: null when withheld from the reader (`withheldNote` says why). */
  annualAmountCents: Cents | null;
  /** Value over the whole duration including renewals (R2121-1), which sets the procedure. */
  estimatedValueCents: Cents | null;
  procedure: string;
  startDate: IsoDate | null;
  savingsCents: { low: Cents; central: Cents; high: Cents } | null;
  coordinatorName: string | null;
  /** Why the pooled figures are left out for the reader (core's disclosure rule); null when given. */
  withheldNote: string | null;
  /** Published range the savings are calibrated on, and the sources cited. */
  savingsProvenance: string;
}

/** Exports pooling opportunities to a one-sheet workbook with euro formats, frozen header and filters. */
export async function exportOpportunitiesXlsx(opportunities: readonly OpportunityExportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  addTableSheet(
    workbook,
    'Opportunités',
    [
      { header: 'Famille d’achat', width: 30 },
      { header: 'Codes CPV', width: 24 },
      { header: 'Nombre de membres', width: 12, format: 'integer' },
      { header: 'Membres', width: 50 },
      { header: 'Montant annuel HT (€)', width: 18, format: 'euro' },
      { header: 'Valeur estimée HT (€)', width: 18, format: 'euro' },
      { header: 'Procédure', width: 28 },
      { header: 'Début envisagé', width: 14, format: 'date' },
      { header: 'Économies basses (€/an)', width: 16, format: 'euro' },
      { header: 'Économies centrales (€/an)', width: 16, format: 'euro' },
      { header: 'Économies hautes (€/an)', width: 16, format: 'euro' },
      { header: 'Coordonnateur pressenti', width: 30 },
      { header: 'Provenance des économies', width: 80 },
      { header: 'Chiffres non communiqués', width: 60 },
    ],
    opportunities.map((o) => [
      o.familyName,
      o.cpvCodes.join(', '),
      o.memberNames.length,
      o.memberNames.join(', '),
      centsToEuros(o.annualAmountCents),
      centsToEuros(o.estimatedValueCents),
      o.procedure,
      isoToDate(o.startDate),
      centsToEuros(o.savingsCents?.low ?? null),
      centsToEuros(o.savingsCents?.central ?? null),
      centsToEuros(o.savingsCents?.high ?? null),
      o.coordinatorName ?? '',
      o.savingsProvenance,
      o.withheldNote,
    ]),
  );
  return workbookToBuffer(workbook);
}
