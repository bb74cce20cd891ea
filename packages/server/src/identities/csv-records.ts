import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { DomainError } from '@mutualis/core';

/** A SIRENE record is under 2 KB: a longer one is a quote left open, which would swallow the rest of the file. */
const MAX_RECORD_CHARS = 64 * 1024;

/** One CSV record as read: its first line's number (1-based) and its text (lines joined when a quoted field spans several). */
export interface CsvRecord {
  line: number;
  text: string;
}

export interface ReadCsvRecordsOptions {
  onBytesRead?: (bytes: number) => void;
  /** Read size; 1 MiB by default. */
  chunkBytes?: number;
}

/**
 * Streams the records of a UTF-8 CSV file, one batch per chunk read (a few thousand records):
 * memory holds one chunk and one partial record whatever the file's size. A record continues on
 * the next line while it holds an odd number of quotes (RFC 4180: a quoted field may hold line
 * breaks). Lines end with LF or CRLF; a UTF-8 BOM is dropped. The last record is yielded even
 * with an unclosed quote (`splitCsvRecord` then reports it); a quote left open for more than
 * 64 KB is refused (`DomainError('unreadable_file')` naming the line).
 */
export async function* readCsvRecords(path: string, options: ReadCsvRecordsOptions = {}): AsyncGenerator<CsvRecord[]> {
  const file = await open(path, 'r');
  try {
    const decoder = new TextDecoder('utf-8');
    const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
    let bytesRead = 0;
    let carry = '';
    let line = 1;
    let pending: CsvRecord | null = null;
    let isFirst = true;
    for (;;) {
      const { bytesRead: length } = await file.read(buffer, 0, buffer.length, null);
      const isEnd = length === 0;
      bytesRead += length;
      let text = carry + (isEnd ? decoder.decode() : decoder.decode(buffer.subarray(0, length), { stream: true }));
      if (isFirst && text.length > 0) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        isFirst = false;
      }
      const records: CsvRecord[] = [];
      let start = 0;
      for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
        const lineText = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
        pending = pending === null ? { line, text: lineText } : { line: pending.line, text: `${pending.text}\n${lineText}` };
        if (hasEvenQuotes(pending.text)) {
          records.push(pending);
          pending = null;
        } else if (pending.text.length > MAX_RECORD_CHARS) throw openQuote(path, pending.line);
        line += 1;
        start = end + 1;
      }
      carry = text.slice(start);
      if (isEnd) {
        if (carry !== '')
          records.push(pending === null ? { line, text: carry } : { line: pending.line, text: `${pending.text}\n${carry}` });
        else if (pending !== null) records.push(pending);
        if (records.length > 0) yield records;
        options.onBytesRead?.(bytesRead);
        return;
      }
      if (records.length > 0) yield records;
      options.onBytesRead?.(bytesRead);
    }
  } finally {
    await file.close();
  }
}

function openQuote(path: string, line: number): DomainError {
  return new DomainError(
    'unreadable_file',
    `${basename(path)}, ligne ${line} : guillemet ouvert jamais refermé (enregistrement de plus de 64 Ko).`,
    {
      issues: [{ field: '*', file: basename(path), line, reason: 'guillemet ouvert jamais refermé' }],
    },
  );
}

function hasEvenQuotes(text: string): boolean {
  let count = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) count += 1;
  return count % 2 === 0;
}

/** The fields of one record (comma-separated, `"…"` quoting with `""` for a quote), or null when a quote is left open or stray. */
export function splitCsvRecord(text: string): string[] | null {
  if (!text.includes('"')) return text.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text.charAt(i) === '"') {
      let value = '';
      let j = i + 1;
      for (;;) {
        const quote = text.indexOf('"', j);
        if (quote === -1) return null;
        value += text.slice(j, quote);
        if (text.charAt(quote + 1) === '"') {
          value += '"';
          j = quote + 2;
          continue;
        }
        j = quote + 1;
        break;
      }
      fields.push(value);
      if (j === text.length) return fields;
      if (text.charAt(j) !== ',') return null;
      i = j + 1;
    } else {
      const comma = text.indexOf(',', i);
      const value = comma === -1 ? text.slice(i) : text.slice(i, comma);
      if (value.includes('"')) return null;
      fields.push(value);
      if (comma === -1) return fields;
      i = comma + 1;
    }
  }
}
