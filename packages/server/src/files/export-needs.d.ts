import { type Need, type Organization } from '@mutualis/core';
export interface ExportNeedsInput {
  needs: readonly Need[];
  /** The organizations the needs belong to, for their SIRET and name. */
  organizations: readonly Pick<Organization, 'id' | 'siret' | 'name'>[];
}
/** Exports needs as a workbook whose first columns are the census template's, plus organization name and status. */
export declare function exportNeedsXlsx(input: ExportNeedsInput): Promise<Buffer>;
/** Exports needs as a French CSV (`;`, decimal comma, UTF-8 with BOM) with the same columns as the workbook. */
export declare function exportNeedsCsv(input: ExportNeedsInput): string;
