import type { DecpAward, DecpRejection, DecpRejectionKind } from '@mutualis/core/decp';
import { normalizeDecpAward } from '@mutualis/core/decp';
import type { DecpRawRecord } from './decp-raw-record';
import { DecpKeySet } from './decp-key-set';
import { readDecpRecordBatches } from './read-decp-file';

/** A file to import: where it is, and the name reports give it (the user's own file name). */
export interface DecpImportFile {
  path: string;
  name: string;
}

/** Where a record is in its file. */
export type DecpRecordPlace = Pick<DecpRawRecord, 'index' | 'line'>;

/**
 * The records of one slice of a file read (see `readDecpRecordBatches`), normalised: how many were
 * read, those rejected (in file order), duplicates (same buyer SIRET + id met earlier in the
 * files), and the awards kept with their places.
 */
export interface DecpSlice {
  fileName: string;
  /** Bytes of all the files read so far. */
  bytesRead: number;
  read: number;
  rejected: (DecpRecordPlace & { reasons: DecpRejection[]; kind: DecpRejectionKind })[];
  duplicates: number;
  awards: DecpAward[];
  places: DecpRecordPlace[];
}

/** The slices of these files, one after the other, read and normalised in this thread. */
export async function* readDecpSlices(files: readonly DecpImportFile[]): AsyncGenerator<DecpSlice> {
  const seenKeys = new DecpKeySet();
  let bytesBefore = 0;
  for (const file of files) {
    let bytesRead = bytesBefore;
    for await (const records of readDecpRecordBatches(file.path, { name: file.name, onBytesRead: (n) => (bytesRead = bytesBefore + n) })) {
      yield { fileName: file.name, bytesRead, ...takeRecords(records, seenKeys) };
    }
    bytesBefore = bytesRead;
  }
}

function takeRecords(records: Iterable<DecpRawRecord>, seenKeys: DecpKeySet): Omit<DecpSlice, 'fileName' | 'bytesRead'> {
  const slice: Omit<DecpSlice, 'fileName' | 'bytesRead'> = { read: 0, rejected: [], duplicates: 0, awards: [], places: [] };
  for (const record of records) {
    slice.read += 1;
    const place = { index: record.index, ...(record.line === undefined ? {} : { line: record.line }) };
    if ('error' in record) {
      slice.rejected.push({ ...place, reasons: [{ field: '*', reason: record.error }], kind: 'unreadable' });
      continue;
    }
    const normalized = normalizeDecpAward(record.raw);
    if (!normalized.ok) slice.rejected.push({ ...place, reasons: normalized.rejections, kind: normalized.kind });
    else if (!seenKeys.add(normalized.award.key)) slice.duplicates += 1;
    else {
      slice.awards.push(normalized.award);
      slice.places.push(place);
    }
  }
  return slice;
}
