import { type CensusParseResult } from '@mutualis/core';
export interface ReadCensusFileOptions {
  fileName: string;
  content: Buffer;
  /** The SIRETs rows may name; any other is refused on its cell. */
  knownSirets: ReadonlySet<string>;
}
/**
 * Throws `unreadable_file` unless the file may be a census: a ZIP (XLSX workbook) from its first
 * bytes, or a CSV by its name. Cheap: an upload is refused at once rather than by its import job.
 */
export declare function assertCensusFile(fileName: string, firstBytes: Uint8Array): void;
/**
 * Reads an uploaded census file: a workbook when it is a ZIP (XLSX), a CSV when its name says so
 * and it is valid UTF-8. Anything else is `unreadable_file`.
 */
export declare function readCensusFile({ fileName, content, knownSirets }: ReadCensusFileOptions): Promise<CensusParseResult>;
