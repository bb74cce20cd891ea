import { CENSUS_COLUMNS } from '@mutualis/core';
import ExcelJS from 'exceljs';

/** Test builders of upload bodies and census files (CSV and XLSX) for the file routes. */

export interface CensusLine {
  siret: string;
  cpvCode?: string;
  label?: string;
  quantity?: string;
  unit?: string;
  unitPrice?: string;
}

/** The twelve census cells of one line: a salt need of 120 t at 95,50 € unless overridden. */
export function censusCells(line: CensusLine): string[] {
  return [
    line.siret,
    line.cpvCode ?? '34927100',
    line.label ?? 'Sel de déneigement',
    line.quantity ?? '120',
    line.unit ?? 't',
    '',
    line.unitPrice ?? '95,50',
    '',
    '67482',
    '',
    '',
    'ferme',
  ];
}

export function censusCsv(lines: readonly CensusLine[]): Buffer {
  const rows = [CENSUS_COLUMNS.map((c) => c.header), ...lines.map(censusCells)];
  return Buffer.from(rows.map((cells) => cells.join(';')).join('\r\n'), 'utf8');
}

export async function censusXlsx(lines: readonly CensusLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Recensement');
  sheet.addRow(CENSUS_COLUMNS.map((c) => c.header));
  for (const line of lines) sheet.addRow(censusCells(line));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A multipart/form-data body with one file field `file`, and its content-type header. */
export function multipartFile(fileName: string, content: Buffer, mimeType = 'application/octet-stream') {
  const boundary = `----mutualis${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mimeType}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
