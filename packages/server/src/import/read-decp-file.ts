import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DomainError } from '@mutualis/core';
import type { BytesReadListener, DecpRawRecord } from './decp-raw-record';
import { CsvRecordScanner } from './csv-record-scanner';
import { JsonRecordScanner } from './json-record-scanner';
import { XmlRecordScanner } from './xml-record-scanner';

export type DecpSyntax = 'json' | 'xml' | 'csv';

/**
 * Bytes scanned in one turn of the event loop. Scanning is synchronous: a whole 1 MiB read of
 * XML at once kept other requests waiting a few hundred ms on a loaded machine (docs/benchmarks.md).
 */
const SLICE_BYTES = 64 * 1024;

export interface ReadDecpFileOptions {
  onBytesRead?: BytesReadListener;
  /** Read size; 1 MiB by default. */
  chunkBytes?: number;
  /** The name errors give the file (the user's own file name); the path's last part by default. */
  name?: string;
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
 * `readDecpFile` a slice at a time: each batch holds the records completed by one slice of a chunk
 * read (`SLICE_BYTES`, about 90 records), parsed lazily as they are taken, so that a large import
 * pays one asynchronous step per slice instead of one per record. Take all of a batch's records
 * before asking for the next batch (its chunk's memory is reused by the next read).
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
      scanner ??= createScanner(sniffSyntax(chunk), path, options.name);
      if (scanner === null) continue;
      for (let start = 0; start < length; start += SLICE_BYTES) {
        // Other requests get a turn between two slices (a read's own turn comes once per chunk).
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const slice = chunk.subarray(start, Math.min(length, start + SLICE_BYTES));
        yield scanner instanceof JsonRecordScanner
          ? refusingAsUnreadable(scanner.push(slice), path, options.name)
          : scanner.push(decoder.decode(slice, { stream: true }));
      }
      options.onBytesRead?.(bytesRead);
    }
    if (scanner === null) throw unreadable(path, options.name, 'fichier vide');
    yield scanner instanceof JsonRecordScanner ? scanner.end() : [...scanner.push(decoder.decode()), ...scanner.end()];
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(path, options.name, error instanceof Error ? error.message : String(error));
  } finally {
    await file?.close();
  }
}

/** The records of a lazy batch; a failure while taking them (a document nested too deep) becomes `unreadable_file` too. */
function* refusingAsUnreadable(records: Iterable<DecpRawRecord>, path: string, name: string | undefined): Generator<DecpRawRecord> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(path, name, error instanceof Error ? error.message : String(error));
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
  name: string | undefined,
): JsonRecordScanner | XmlRecordScanner | CsvRecordScanner | null {
  if (syntax === null) return null;
  if (syntax === 'unknown') throw unreadable(path, name, 'ni JSON, ni XML, ni CSV des DECP (colonnes codeCPV et acheteur_id attendues)');
  if (syntax === 'csv') return new CsvRecordScanner();
  return syntax === 'json' ? new JsonRecordScanner() : new XmlRecordScanner();
}

/**
 * `unreadable_file` naming the file by its own name: the path is the server's (the temporary
 * directory of an upload), which an answer must not show, in the issue or in the reason.
 */
function unreadable(path: string, name: string | undefined, rawReason: string): DomainError {
  const file = name ?? basename(path);
  const reason = rawReason.replaceAll(path, file).replaceAll(dirname(path), '…');
  return new DomainError('unreadable_file', `Fichier DECP ${file} illisible : ${reason}`, { issues: [{ field: 'file', file, reason }] });
}
