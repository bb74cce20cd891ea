import type { Cents, IsoDate } from '@mutualis/core';
/** One pooling opportunity as shown in the export: what is pooled, by whom, for how much, and the expected savings. */
export interface OpportunityExportRow {
  familyName: string;
  cpvCodes: readonly string[];
  memberNames: readonly string[];
  annualAmountCents: Cents;
  /** Value over the whole duration including renewals (R2121-1), which sets the procedure. */
  estimatedValueCents: Cents;
  procedure: string;
  startDate: IsoDate | null;
  savingsCents: {
    low: Cents;
    central: Cents;
    high: Cents;
  };
  coordinatorName: string | null;
}
/** Exports pooling opportunities to a one-sheet workbook with euro formats, frozen header and filters. */
export declare function exportOpportunitiesXlsx(opportunities: readonly OpportunityExportRow[]): Promise<Buffer>;
