import type { DecpRawRecord } from './decp-raw-record';
/**
 * Streaming reader of a DECP XML document (`<marches><marche>…</marche>…</marches>`, both formats):
 * each element under the root becomes one record, converted to the JSON shape (an element with
 * children → object, a repeated child → array, a leaf → its text). Namespace prefixes are dropped.
 * A well-formedness error inside a record makes that record an error; the parser then resumes.
 */
export declare class XmlRecordScanner {
  private readonly parser;
  private readonly path;
  private readonly out;
  private recordError;
  private nextIndex;
  private sawRoot;
  constructor();
  /** Records completed by this piece of text, in order. */
  push(text: string): DecpRawRecord[];
  end(): DecpRawRecord[];
  private open;
  private text;
  private close;
  private toRecord;
}
