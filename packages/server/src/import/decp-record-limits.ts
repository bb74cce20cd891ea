/**
 * Bounds of one DECP record, far above real ones (600–900 bytes of JSON, a few dozen elements, a
 * handful of holders or amendments) and low enough that a hostile record costs little memory and
 * time: past one, the record is rejected with the reason and the import goes on. `maxDepth` bounds
 * the nesting of a whole document (records sit at depth 2 or 3).
 */
export const DECP_RECORD_LIMITS = {
  /** Repetitions of one element (XML) or items of one list (JSON) within a record. */
  maxRepeated: 1_000,
  /** Elements of one XML record. */
  maxElements: 20_000,
  /** Characters of text of one XML record. */
  maxTextChars: 1_000_000,
  /** Bytes of one JSON record. */
  maxRecordBytes: 1 << 20,
  /** Nesting of the document outside the records' JSON text (XML: everywhere). */
  maxDepth: 64,
} as const;
