import type { DecpRawRecord } from './decp-raw-record';
/**
 * Streaming reader of the tabular DECP published by the open-source consolidation (decp.info's
 * CSV, the DECP table schema and the older « DECP augmenté »): one row per contract × holder, the
 * delimiter (`,` `;` or tab) taken from the header line, cells quoted as RFC 4180 says. Header names
 * are read with `.` and `_` alike (`acheteur.id` = `acheteur_id`), holders from `titulaire_id`,
 * `titulaire_id_1`…; consecutive rows of one contract (same buyer and id) make one record, in the
 * shape of the 2019 JSON format, so the same normalisation applies. When rows of a contract say
 * `donneesActuelles`, only the current ones are kept. Each record carries the line of its first row.
 */
export declare class CsvRecordScanner {
  private header;
  private delimiter;
  private pending;
  private lineNumber;
  private group;
  private nextIndex;
  /** Records completed by this piece of text. */
  push(text: string): DecpRawRecord[];
  /** Call at end of input: the last line and the last record. */
  end(): DecpRawRecord[];
  private line;
  private flush;
}
