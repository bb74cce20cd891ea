import { DomainError, type FieldIssue, decimalToCents, decimalToNumber, parseDecimal } from '@mutualis/core';
import { parseCsv } from '../files/csv';
import { readXlsxSheets } from '../files/read-xlsx-sheets';
import type { ConsumptionInput } from './record-consumption-use-case';

/** Column headers of a consumption file (case and accents ignored). */
const COLUMNS = {
  lot: ['lot'],
  siret: ['siret'],
  period: ['mois', 'periode'],
  quantity: ['quantite'],
  amount: ['montant ht', 'montant'],
} as const;
type Column = keyof typeof COLUMNS;

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/\s*\(.*\)$/, '');

interface RawRow {
  line: number;
  cells: string[];
}

export interface ParseConsumptionOptions {
  fileName: string;
  /** SIRET → organization id of the groupement's members. */
  memberIdBySiret: ReadonlyMap<string, string>;
}

async function readRows(buffer: Buffer, fileName: string): Promise<RawRow[]> {
  if (!fileName.toLowerCase().endsWith('.xlsx')) return parseCsv(buffer.toString('utf8')).map((r) => ({ line: r.line, cells: r.cells }));
  // The first sheet, bounded and streamed like every uploaded workbook (files/read-xlsx-sheets.ts).
  const [sheet] = await readXlsxSheets(buffer, fileName);
  return (sheet?.rows ?? []).map((r) => ({ line: r.row, cells: r.cells }));
}

function parseRow(row: RawRow, index: Record<Column, number>, options: ParseConsumptionOptions) {
  const cell = (c: Column) => (row.cells[index[c]] ?? '').trim();
  const issues: FieldIssue[] = [];
  const issue = (field: string, reason: string) => issues.push({ field, reason, file: options.fileName, line: row.line });
  const organizationId = options.memberIdBySiret.get(cell('siret').replace(/\s/g, ''));
  if (!organizationId) issue('siret', `SIRET « ${cell('siret')} » : pas un membre du groupement.`);
  const period = /^\d{4}-(0[1-9]|1[0-2])$/.test(cell('period')) ? cell('period') : null;
  if (!period) issue('mois', `Mois « ${cell('period')} » attendu au format AAAA-MM.`);
  const quantity = cell('quantity') === '' ? null : parseDecimal(cell('quantity'));
  if (quantity && !quantity.ok) issue('quantite', quantity.reason);
  const amount = parseDecimal(cell('amount'));
  const cents = amount.ok ? decimalToCents(amount.value) : amount;
  if (!cents.ok) issue('montant', `Montant HT : ${cents.reason}`);
  if (cell('lot') === '') issue('lot', 'Lot manquant.');
  if (issues.length > 0 || !organizationId || !period || !cents.ok) return { issues };
  const entry: ConsumptionInput = {
    lotKey: cell('lot'),
    organizationId,
    period,
    quantity: quantity?.ok ? decimalToNumber(quantity.value) : null,
    amountCents: cents.cents,
    line: row.line,
  };
  return { entry, issues };
}

/** Reads a consumption CSV or XLSX (Lot ; SIRET ; Mois ; Quantité ; Montant HT) into entries, or every row error. */
export async function parseConsumptionFile(buffer: Buffer, options: ParseConsumptionOptions): Promise<ConsumptionInput[]> {
  const [header, ...rows] = await readRows(buffer, options.fileName);
  const headers = (header?.cells ?? []).map(fold);
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((c) => [c, headers.findIndex((h) => (COLUMNS[c] as readonly string[]).includes(h))]),
  ) as Record<Column, number>;
  const missing = (Object.keys(COLUMNS) as Column[]).filter((c) => index[c] < 0 && c !== 'quantity');
  if (missing.length > 0)
    throw DomainError.validation('Colonnes manquantes.', [
      {
        field: 'file',
        file: options.fileName,
        line: 1,
        reason: `Colonnes attendues : Lot, SIRET, Mois, Quantité, Montant HT ; manque : ${missing.join(', ')}.`,
      },
    ]);
  const parsed = rows.filter((r) => r.cells.some((c) => c.trim() !== '')).map((r) => parseRow(r, index, options));
  const issues = parsed.flatMap((p) => p.issues);
  if (issues.length > 0)
    throw DomainError.validation(`${issues.length} erreur(s) dans ${options.fileName} : rien n’a été importé.`, issues);
  return parsed.flatMap((p) => (p.entry ? [p.entry] : []));
}
