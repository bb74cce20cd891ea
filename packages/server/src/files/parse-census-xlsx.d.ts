import { type CensusParseResult, type ValidateCensusRowOptions } from '@mutualis/core';
export interface ParseCensusFileOptions extends ValidateCensusRowOptions {
  /** Name of the uploaded file, repeated in every error. */
  fileName: string;
}
/** Reads the "Recensement" sheet of a census workbook; throws `unreadable_file` when the buffer is not an XLSX file. */
export declare function parseCensusXlsx(buffer: Buffer, options: ParseCensusFileOptions): Promise<CensusParseResult>;
