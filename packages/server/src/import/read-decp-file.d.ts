import type { BytesReadListener, DecpRawRecord } from './decp-raw-record';
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
export declare function readDecpFile(path: string, options?: ReadDecpFileOptions): AsyncGenerator<DecpRawRecord>;
/**
 * `readDecpFile` one read at a time: each batch holds the records completed by one chunk (about
 * 1,400 per MiB), parsed lazily as they are taken, so that a large import pays one asynchronous
 * step per chunk instead of one per record. Take all of a batch's records before asking for the
 * next batch (its chunk's memory is reused by the next read).
 */
export declare function readDecpRecordBatches(path: string, options?: ReadDecpFileOptions): AsyncGenerator<Iterable<DecpRawRecord>>;
/**
 * `json` or `xml` from the first byte that is not whitespace or a UTF-8 BOM, `csv` when the first
 * line names DECP columns (`codeCPV` and the buyer's id); null when the chunk has none.
 */
export declare function sniffSyntax(chunk: Uint8Array): DecpSyntax | 'unknown' | null;
