import type ExcelJS from 'exceljs';

/**
 * The text a user sees in a cell, for validation as a string. Numbers keep Excel's 15 significant digits
 * so that 0.1 + 0.2 computed by a formula reads "0.3", not "0.30000000000000004".
 */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(Number(value.toPrecision(15)));
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('hyperlink' in value) return value.text;
  return '';
}
