import { type FileHandle, open } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DomainError } from '@mutualis/core';
import type { BytesReadListener, DecpRawRecord } from './decp-raw-record';
import { JsonRecordScanner } from './json-record-scanner';
import { XmlRecordScanner } from './xml-record-scanner';

export type DecpSyntax = 'json' | 'xml';

/**
 * Bytes scanned in one turn of the event loop. Scanning is synchronous: a whole 1 MiB read of
 * XML at once kept other requests waiting a few hundred ms on a loaded machine (docs/benchmarks.md).
 */
const SLICE_BYTES = 64 * 1024;

export interface ReadDecpFileOptions {
  onBytesRead?: BytesReadListener;
  /** Read size; 1 MiB by default. */
  chunkBytes?: number;
}

/**
 * Streams the records of a DECP file (2019 or 2024 format, JSON or XML — sniffed from the first
 * significant byte), holding one chunk and one record at a time. Throws
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
  let scanner: JsonRecordScanner | XmlRecordScanner | null = null;
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
      for (let start = 0; start < length; start += SLICE_BYTES) {
        // Other requests get a turn between two slices (a read's own turn comes once per chunk).
        if (start > 0) await new Promise((resolve) => setImmediate(resolve));
        const slice = chunk.subarray(start, Math.min(length, start + SLICE_BYTES));
        yield scanner instanceof JsonRecordScanner
          ? refusingAsUnreadable(scanner.push(slice), path)
          : scanner.push(decoder.decode(slice, { stream: true }));
      }
      options.onBytesRead?.(bytesRead);
    }
    if (scanner === null) throw unreadable(path, 'fichier vide');
    yield scanner instanceof XmlRecordScanner ? [...scanner.push(decoder.decode()), ...scanner.end()] : scanner.end();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(path, error instanceof Error ? error.message : String(error));
  } finally {
    await file?.close();
  }
}

/** The records of a lazy batch; a failure while taking them (a document nested too deep) becomes `unreadable_file` too. */
function* refusingAsUnreadable(records: Iterable<DecpRawRecord>, path: string): Generator<DecpRawRecord> {
  try {
    yield* records;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw unreadable(path, error instanceof Error ? error.message : String(error));
  }
}

/** `json` or `xml` from the first byte that is not whitespace or a UTF-8 BOM; null when the chunk has none. */
export function sniffSyntax(chunk: Uint8Array): DecpSyntax | 'unknown' | null {
  for (const byte of chunk) {
    if (byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0xef || byte === 0xbb || byte === 0xbf) continue;
    if (byte === 0x7b) return 'json';
    if (byte === 0x3c) return 'xml';
    return 'unknown';
  }
  return null;
}

function createScanner(syntax: DecpSyntax | 'unknown' | null, path: string): JsonRecordScanner | XmlRecordScanner | null {
  if (syntax === null) return null;
  if (syntax === 'unknown') throw unreadable(path, 'ni JSON ni XML');
  return syntax === 'json' ? new JsonRecordScanner() : new XmlRecordScanner();
}

/**
 * `unreadable_file` naming the file by its own name: the path is the server's (the temporary
 * directory of an upload), which an answer must not show, in the issue or in the reason.
 */
function unreadable(path: string, rawReason: string): DomainError {
  const file = basename(path);
  const reason = rawReason.replaceAll(path, file).replaceAll(dirname(path), '…');
  return new DomainError('unreadable_file', `Fichier DECP ${file} illisible : ${reason}`, { issues: [{ field: 'file', file, reason }] });
}
