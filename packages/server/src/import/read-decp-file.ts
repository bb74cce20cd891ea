import { type FileHandle, open } from 'node:fs/promises';
import { DomainError } from '@mutualis/core';
import type { BytesReadListener, DecpRawRecord } from './decp-raw-record';
import { CsvRecordScanner } from './csv-record-scanner';
import { JsonRecordScanner } from './json-record-scanner';
import { XmlRecordScanner } from './xml-record-scanner';

export type DecpSyntax = 'json' | 'xml' | 'csv';

export interface ReadDecpFileOptions {
  onBytesRead?: BytesReadListener;
  /** Read size; 1 MiB by default. */
  chunkBytes?: number;
}

/**
 * Streams the records of a DECP file (2019 or 2024 format, JSON or XML, or the consolidation's CSV —
 * sniffed from the first significant bytes), holding one chunk and one record at a time. Throws
 * `DomainError('unreadable_file')` when the file is neither, or has no record list.
 */
export async function* readDecpFile(path: string, options: ReadDecpFileOptions = {}): AsyncGenerator<DecpRawRecord> {
  for await (const records of readDecpRecordBatches(path, options)) yield* records;
}

/**
 * `readDecpFile` one read at a time: each batch holds the records completed by one chunk (about
 * 1,400 per MiB), parsed lazily as they are taken, so that a large import pays one asynchronous
 * step per chunk instead of one per record. Take all of a batch's records before asking for the
 * next batch (its chunk's memory is reused by the next read).
 */
export async function* readDecpRecordBatches(path: string, options: ReadDecpFileOptions = {}): AsyncGenerator<Iterable<DecpRawRecord>> {
  let scanner: JsonRecordScanner | XmlRecordScanner | CsvRecordScanner | null = null;
  const decoder = new TextDecoder('utf-8');
  let bytesRead = 0;
  let file: FileHandle | null = null;
  try {
    file = await open(path, 'r');
    // One buffer for every read (the scanners copy what they keep): a fresh buffer per read would
    // leave tens of MB of dead buffers between two garbage collections.
    const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
    for (;;) {
      const { bytesRead: length } = await file.read(buffer, 0, buffer.length, null);
      if (length === 0) break;
      const chunk = buffer.subarray(0, length);
      bytesRead += length;
      scanner ??= createScanner(sniffSyntax(chunk), path);
      if (scanner === null) continue;
      yield scanner instanceof JsonRecordScanner ? scanner.push(chunk) : scanner.push(decoder.decode(chunk, { stream: true }));
      options.onBytesRead?.(bytesRead);
    }
    if (scanner === null) throw unreadable(path, 'fichier vide');
    yield scanner instanceof JsonRecordScanner ? scanner.end() : [...scanner.push(decoder.decode()), ...scanner.end()];
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(path, error instanceof Error ? error.message : String(error));
  } finally {
    await file?.close();
  }
}

/**
 * `json` or `xml` from the first byte that is not whitespace or a UTF-8 BOM, `csv` when the first
 * line names DECP columns (`codeCPV` and the buyer's id); null when the chunk has none.
 */
export function sniffSyntax(chunk: Uint8Array): DecpSyntax | 'unknown' | null {
  for (const byte of chunk) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    if (byte === 0x7b) return 'json';
    if (byte === 0x3c) return 'xml';
    return isCsvHeader(chunk) ? 'csv' : 'unknown';
  }
  return null;
}

function isCsvHeader(chunk: Uint8Array): boolean {
  const firstLine =
    Buffer.from(chunk.subarray(0, 64 * 1024))
      .toString('utf8')
      .split(/\r?\n/, 1)[0] ?? '';
  return /\bcodeCPV\b/i.test(firstLine) && /\bacheteur[._]id\b/i.test(firstLine);
}

function createScanner(
  syntax: DecpSyntax | 'unknown' | null,
  path: string,
): JsonRecordScanner | XmlRecordScanner | CsvRecordScanner | null {
  if (syntax === null) return null;
  if (syntax === 'unknown') throw unreadable(path, 'ni JSON, ni XML, ni CSV des DECP (colonnes codeCPV et acheteur_id attendues)');
  if (syntax === 'csv') return new CsvRecordScanner();
  return syntax === 'json' ? new JsonRecordScanner() : new XmlRecordScanner();
}

function unreadable(path: string, reason: string): DomainError {
  return new DomainError('unreadable_file', `Fichier DECP illisible : ${reason}`, { issues: [{ field: 'file', file: path, reason }] });
}
