import { type CensusParseResult, DomainError } from '@mutualis/core';
import { parseCensusCsv, parseCensusXlsx } from '../files';

export interface ReadCensusFileOptions {
  fileName: string;
  content: Buffer;
  /** The SIRETs rows may name; any other is refused on its cell. */
  knownSirets: ReadonlySet<string>;
  /** Départements of the importer's territories: commune names resolve there first. */
  preferredDepartementCodes?: readonly string[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function isZip(content: Buffer): boolean {
  return ZIP_MAGIC.every((byte, i) => content[i] === byte);
}

function isCsvName(fileName: string): boolean {
  return /\.(csv|txt)$/i.test(fileName);
}

/**
 * Throws `unreadable_file` unless the file may be a census: a ZIP (XLSX workbook) from its first
 * bytes, or a CSV by its name. Cheap: an upload is refused at once rather than by its import job.
 */
export function assertCensusFile(fileName: string, firstBytes: Uint8Array): void {
  if (isZip(Buffer.from(firstBytes)) || isCsvName(fileName)) return;
  throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est ni un classeur Excel (.xlsx) ni un fichier CSV.`);
}

/**
 * Reads an uploaded census file: a workbook when it is a ZIP (XLSX), a CSV when its name says so
 * and it is valid UTF-8. Anything else is `unreadable_file`.
 */
export async function readCensusFile(options: ReadCensusFileOptions): Promise<CensusParseResult> {
  const { fileName, content, knownSirets, preferredDepartementCodes = [] } = options;
  if (isZip(content)) return parseCensusXlsx(content, { fileName, knownSirets, preferredDepartementCodes });
  assertCensusFile(fileName, content);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un texte UTF-8 : enregistrez-le en « CSV UTF-8 ».`);
  }
  return parseCensusCsv(text, { fileName, knownSirets, preferredDepartementCodes });
}
