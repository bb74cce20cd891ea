import { createInflateRaw } from 'node:zlib';
import { DomainError } from '@mutualis/core';

/** Bounds of an uploaded workbook, checked before any spreadsheet parsing. */
export const XLSX_LIMITS = {
  /** Files in the archive (a census workbook has about twenty). */
  maxEntries: 500,
  /** Unpacked bytes of all files together: a census of 100,000 rows is about 55 MB. */
  maxUnpackedBytes: 64 * 2 ** 20,
  /**
   * Bytes of text between two tags of the XML: one cell's text. Excel holds at most 32,767
   * characters in a cell (up to ~6 bytes each once UTF-8 and XML-escaped).
   */
  maxTextBytes: 200_000,
} as const;

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const DESCRIPTOR_SIGNATURE = 0x08074b50;
const STORED = 0;
const DEFLATED = 8;
const LT = 0x3c;
const GT = 0x3e;

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntryInfo {
  name: string;
  method: number;
  hasDescriptor: boolean;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/**
 * Checks an XLSX (ZIP) upload before a spreadsheet library unpacks it: at most `maxEntries` files,
 * no ZIP64, no bytes outside the listed files (a streaming reader would unpack hidden ones), a
 * declared unpacked size within `maxUnpackedBytes`, then the actual size, by unpacking each file
 * as a stream that stops at its declared size or at the budget, and no text run (a cell) over
 * `maxTextBytes`. Throws `payload_too_large` (413) or `unreadable_file`/`validation_failed` (400)
 * naming the file; resolves with the files when the archive is safe to parse. Memory stays at
 * one stream chunk.
 */
export async function inspectXlsxArchive(buffer: Buffer, fileName: string): Promise<ZipEntryInfo[]> {
  let entries: ZipEntryInfo[];
  try {
    entries = readCentralDirectory(buffer, fileName);
  } catch (error) {
    // A field pointing past the end of the buffer (truncated or forged archive).
    if (error instanceof RangeError) throw unreadable(fileName, 'archive tronquée');
    throw error;
  }
  const declared = entries.reduce((sum, e) => sum + e.declaredSize, 0);
  if (declared > XLSX_LIMITS.maxUnpackedBytes) throw tooLarge(fileName, declared);
  let budget = XLSX_LIMITS.maxUnpackedBytes;
  for (const entry of entries) {
    budget -= await checkEntry(buffer, entry, fileName, budget);
  }
  return entries;
}

/**
 * The unpacked bytes of one file of an archive `inspectXlsxArchive` accepted, chunk by chunk (64
 * KiB): a reader parses them as they come and other requests run between chunks.
 */
export async function* unpackEntry(buffer: Buffer, entry: ZipEntryInfo, fileName: string): AsyncGenerator<Buffer> {
  const start = dataStart(buffer, entry, fileName);
  const data = buffer.subarray(start, start + entry.compressedSize);
  if (entry.method === STORED) {
    yield data;
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
  inflate.end(data);
  try {
    for await (const chunk of inflate) yield chunk as Buffer;
  } catch {
    throw unreadable(fileName, `${entry.name} illisible`);
  }
}

function readCentralDirectory(buffer: Buffer, fileName: string): ZipEntryInfo[] {
  const eocd = findEndOfCentralDirectory(buffer);
  if (eocd < 0) throw unreadable(fileName, 'fin d’archive ZIP introuvable');
  const count = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw unreadable(fileName, 'archive ZIP64 non prise en charge');
  if (count > XLSX_LIMITS.maxEntries) throw unreadable(fileName, `plus de ${XLSX_LIMITS.maxEntries} fichiers dans l’archive`);
  if (offset + size > eocd) throw unreadable(fileName, 'répertoire de l’archive incohérent');
  const entries: ZipEntryInfo[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > offset + size || buffer.readUInt32LE(at) !== CENTRAL_SIGNATURE)
      throw unreadable(fileName, 'répertoire de l’archive incohérent');
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: ZipEntryInfo = {
      name: buffer.toString('utf8', at + 46, at + 46 + nameLength),
      method: buffer.readUInt16LE(at + 10),
      hasDescriptor: (buffer.readUInt16LE(at + 8) & 0x08) !== 0,
      compressedSize: buffer.readUInt32LE(at + 20),
      declaredSize: buffer.readUInt32LE(at + 24),
      localOffset: buffer.readUInt32LE(at + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localOffset === 0xffffffff)
      throw unreadable(fileName, 'archive ZIP64 non prise en charge');
    if (entry.method !== STORED && entry.method !== DEFLATED) throw unreadable(fileName, `compression inconnue pour ${entry.name}`);
    entries.push(entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  checkContiguous(buffer, entries, offset, fileName);
  return entries;
}

/** The offset of the end-of-central-directory record (searched backwards over a comment of up to 64 KiB), or -1. */
function findEndOfCentralDirectory(buffer: Buffer): number {
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at -= 1) {
    if (buffer.readUInt32LE(at) === EOCD_SIGNATURE) return at;
  }
  return -1;
}

/** The listed files must tile the archive from its start to its directory: no hidden file a streaming reader would unpack. */
function checkContiguous(buffer: Buffer, entries: readonly ZipEntryInfo[], directoryOffset: number, fileName: string): void {
  let expected = 0;
  for (const entry of [...entries].sort((a, b) => a.localOffset - b.localOffset)) {
    if (entry.localOffset !== expected || dataStart(buffer, entry, fileName) + entry.compressedSize > directoryOffset)
      throw unreadable(fileName, 'contenu de l’archive hors de son répertoire');
    expected = dataStart(buffer, entry, fileName) + entry.compressedSize;
    if (entry.hasDescriptor) expected += buffer.readUInt32LE(expected) === DESCRIPTOR_SIGNATURE ? 16 : 12;
  }
  if (expected !== directoryOffset) throw unreadable(fileName, 'contenu de l’archive hors de son répertoire');
}

function dataStart(buffer: Buffer, entry: ZipEntryInfo, fileName: string): number {
  const at = entry.localOffset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== LOCAL_SIGNATURE) throw unreadable(fileName, `en-tête de ${entry.name} absent`);
  return at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
}

/** Unpacks one file as a stream, stopping past its declared size or the budget; returns its size. */
async function checkEntry(buffer: Buffer, entry: ZipEntryInfo, fileName: string, budget: number): Promise<number> {
  const start = dataStart(buffer, entry, fileName);
  const data = buffer.subarray(start, start + entry.compressedSize);
  const limit = Math.min(entry.declaredSize, budget);
  const scan = textRunScanner(entry.name.endsWith('.xml'));
  if (entry.method === STORED) {
    if (data.length > limit) throw data.length > budget ? tooLarge(fileName, data.length) : lying(fileName, entry);
    if (scan(data)) throw cellTooLarge(fileName, entry);
    return data.length;
  }
  return new Promise<number>((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    const fail = (error: DomainError) => {
      inflate.destroy();
      reject(error);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) fail(tooLarge(fileName, size));
      else if (size > limit) fail(lying(fileName, entry));
      else if (scan(chunk)) fail(cellTooLarge(fileName, entry));
    });
    inflate.on('error', () => reject(unreadable(fileName, `${entry.name} illisible`)));
    inflate.on('end', () => resolve(size));
    inflate.end(data);
  });
}

/** A feeder of successive chunks that answers true once a run of text between tags exceeds the limit. */
function textRunScanner(isXml: boolean): (chunk: Buffer) => boolean {
  let run = 0;
  return (chunk) => {
    if (!isXml) return false;
    for (let i = 0; i < chunk.length; i += 1) {
      const byte = chunk[i];
      if (byte === LT || byte === GT) run = 0;
      else if (++run > XLSX_LIMITS.maxTextBytes) return true;
    }
    return false;
  };
}

function megabytes(bytes: number): string {
  return (bytes / 2 ** 20).toLocaleString('fr-FR', { maximumFractionDigits: 0 });
}

function tooLarge(fileName: string, bytes: number): DomainError {
  const reason = `Une fois décompressé, le classeur dépasse ${megabytes(XLSX_LIMITS.maxUnpackedBytes)} Mo (au moins ${megabytes(bytes)} Mo) : scindez-le.`;
  return new DomainError('payload_too_large', `Le classeur ${fileName} est trop volumineux.`, {
    issues: [{ field: 'file', file: fileName, reason }],
  });
}

function lying(fileName: string, entry: ZipEntryInfo): DomainError {
  return unreadable(fileName, `${entry.name} est plus grand que la taille annoncée par l’archive`);
}

function cellTooLarge(fileName: string, entry: ZipEntryInfo): DomainError {
  const reason = `Une cellule de ${entry.name} dépasse la taille permise (32 767 caractères dans Excel).`;
  return DomainError.validation(`Le classeur ${fileName} contient une cellule trop longue.`, [{ field: 'file', file: fileName, reason }]);
}

function unreadable(fileName: string, reason: string): DomainError {
  return new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un classeur Excel (.xlsx) lisible : ${reason}.`, {
    issues: [{ field: 'file', file: fileName, reason }],
  });
}
