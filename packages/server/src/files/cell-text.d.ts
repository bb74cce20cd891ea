import type ExcelJS from 'exceljs';
/**
 * The text a user sees in a cell, for validation as a string. Numbers keep Excel's 15 significant digits
 * so that 0.1 + 0.2 computed by a formula reads "0.3", not "0.30000000000000004".
 */
export declare function cellText(value: ExcelJS.CellValue): string;
