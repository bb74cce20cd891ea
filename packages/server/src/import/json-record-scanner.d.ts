import type { DecpRawRecord } from './decp-raw-record';
/**
 * Byte-level splitter of a DECP JSON document: finds each object of the record arrays —
 * `marches[]` (2019), `marches.marche[]` and `marches.contrat-concession[]` (2024) — and
 * `JSON.parse`s that object alone, so memory stays flat whatever the file size. Outside records it
 * only tracks containers and keys; inside a record it only counts brackets outside strings.
 * A record that does not parse is reported with its index and the parser's message.
 */
export declare class JsonRecordScanner {
  private readonly stack;
  private expectKey;
  private pendingKey;
  private inString;
  private escaped;
  private keyBytes;
  /** Bracket depth inside the current record; 0 when outside any record. */
  private recordDepth;
  private recordParts;
  private recordFormat;
  private nextIndex;
  private sawRecordArray;
  /**
   * Records completed by this chunk, in order, each parsed as it is taken: a parsed record then
   * dies before the next is made, instead of a whole chunk's records (about 1,400 per MiB)
   * living together long enough for the garbage collector to promote them to the old generation.
   * Take them all before pushing the next chunk.
   */
  push(chunk: Buffer): Generator<DecpRawRecord>;
  /**
   * Advances through a record from `from`: returns the index just past its closing bracket, or
   * the chunk length when the record goes on in the next chunk. Strings are skipped with the
   * native `indexOf` (most of a record's bytes), a quote being escaped when an odd run of
   * backslashes precedes it; a backslash ending the chunk carries over as `escaped`.
   */
  private scanRecord;
  /** Call at end of input: reports a truncated last record; throws when no record list was found. */
  end(): DecpRawRecord[];
  private outerStringByte;
  private open;
  private finishRecord;
}
