/** One CSV record with the line it starts on (1-based), so errors can point at it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}
/** Picks `;` (French Excel) or `,` from the header line, ignoring separators inside quotes. */
export declare function detectSeparator(text: string): ';' | ',';
/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); strips a UTF-8 byte-order mark. */
export declare function parseCsv(input: string, separator?: ';' | ','): CsvRecord[];
/** Writes CSV with `;` and CRLF, quoting fields that need it; starts with a BOM so Excel reads UTF-8. */
export declare function toCsv(rows: readonly (readonly string[])[]): string;
