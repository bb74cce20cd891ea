import { type Organization, type PurchaseFamily, type UnitCode } from '@mutualis/core';
/** Name of the sheet users fill and the parser reads. */
export declare const CENSUS_SHEET = 'Recensement';
export interface BuildCensusTemplateOptions {
  organizations?: readonly Pick<Organization, 'siret' | 'name'>[];
  families: readonly Pick<PurchaseFamily, 'name' | 'cpvCodes'>[];
  units: readonly UnitCode[];
}
/** Builds the census workbook: instructions, the sheet to fill with drop-down lists, an example and the CPV lookup. */
export declare function buildCensusTemplate(options: BuildCensusTemplateOptions): Promise<Buffer>;
