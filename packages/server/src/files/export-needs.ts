import { CENSUS_COLUMNS, type Need, type Organization, UNITS } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { toCsv } from './csv';
import { CONFIDENCE_LABELS, centsToCsv, numberToCsv } from './french-labels';
import { addTableSheet, centsToEuros, type TableColumn, workbookToBuffer } from './xlsx-table';

export interface ExportNeedsInput {
  needs: readonly Need[];
  /** The organizations the needs belong to, for their SIRET and name. */
  organizations: readonly Pick<Organization, 'id' | 'siret' | 'name'>[];
}

const STATUS_LABELS: Record<Need['status'], string> = { confirmed: 'confirmé', proposed: 'proposé', rejected: 'rejeté' };

// The census columns come first, so an export can be corrected and imported again.
const COLUMNS: TableColumn[] = [
  { header: CENSUS_COLUMNS[0].header, width: 18 },
  { header: CENSUS_COLUMNS[1].header, width: 12 },
  { header: CENSUS_COLUMNS[2].header, width: 36 },
  { header: CENSUS_COLUMNS[3].header, width: 14, format: 'decimal' },
  { header: CENSUS_COLUMNS[4].header, width: 10 },
  { header: CENSUS_COLUMNS[5].header, width: 14, format: 'integer' },
  { header: CENSUS_COLUMNS[6].header, width: 16, format: 'euro' },
  { header: CENSUS_COLUMNS[7].header, width: 18, format: 'euro' },
  { header: CENSUS_COLUMNS[8].header, width: 30 },
  { header: CENSUS_COLUMNS[9].header, width: 30 },
  { header: CENSUS_COLUMNS[10].header, width: 30 },
  { header: CENSUS_COLUMNS[11].header, width: 12 },
  { header: 'Nom de l’organisation', width: 32 },
  { header: 'Montant calculé', width: 10 },
  { header: 'Statut', width: 12 },
];

/** The unit's French name (« tonne », « boîte (de N unités) »), which the census import reads back. */
const unitLabel = (need: Need): string | null => (need.unit === null ? null : UNITS[need.unit].labelFr);

function sortedRows({ needs, organizations }: ExportNeedsInput) {
  const byId = new Map(organizations.map((o) => [o.id, o]));
  return [...needs]
    .map((need) => ({ need, org: byId.get(need.organizationId) }))
    .sort((a, b) => (a.org?.name ?? '').localeCompare(b.org?.name ?? '', 'fr') || a.need.cpvCode.localeCompare(b.need.cpvCode));
}

/** Exports needs as a workbook whose first columns are the census template's, plus organization name and status. */
export async function exportNeedsXlsx(input: ExportNeedsInput): Promise<Buffer> {
  const rows = sortedRows(input).map(({ need, org }) => [
    org?.siret ?? '',
    need.cpvCode,
    need.label,
    need.quantity,
    unitLabel(need),
    need.unitsPerPack,
    centsToEuros(need.unitPriceCents),
    centsToEuros(need.annualAmountCents),
    need.deliveryCommunes.join(', ') || null,
    need.csrRequirements.join('; ') || null,
    need.qualityRequirements || null,
    CONFIDENCE_LABELS[need.confidence],
    org?.name ?? '',
    need.amountIsDerived ? 'oui' : 'non',
    STATUS_LABELS[need.status],
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  addTableSheet(workbook, 'Besoins', COLUMNS, rows);
  return workbookToBuffer(workbook);
}

/** Exports needs as a French CSV (`;`, decimal comma, UTF-8 with BOM) with the same columns as the workbook. */
export function exportNeedsCsv(input: ExportNeedsInput): string {
  const rows = sortedRows(input).map(({ need, org }) => [
    org?.siret ?? '',
    need.cpvCode,
    need.label,
    numberToCsv(need.quantity),
    unitLabel(need) ?? '',
    numberToCsv(need.unitsPerPack),
    centsToCsv(need.unitPriceCents),
    centsToCsv(need.annualAmountCents),
    need.deliveryCommunes.join(', '),
    need.csrRequirements.join('; '),
    need.qualityRequirements,
    CONFIDENCE_LABELS[need.confidence],
    org?.name ?? '',
    need.amountIsDerived ? 'oui' : 'non',
    STATUS_LABELS[need.status],
  ]);
  return toCsv([COLUMNS.map((c) => c.header), ...rows]);
}
