/** One CSV record with the line it starts on (1-based), so errors can point at it. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** Picks `;` (French Excel) or `,` from the header line, ignoring separators inside quotes. */
export function detectSeparator(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

/**
 * Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF); strips a UTF-8 byte-order mark
 * and the quote `toCsv` put before a cell a spreadsheet would run as a formula (`'=…` → `=…`), so an
 * exported file imports back as it was.
 */
export function parseCsv(input: string, separator: ';' | ',' = detectSeparator(input.replace(/^\uFEFF/, ''))): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    cells.push(field);
    records.push({ line: recordLine, cells: cells.map(restoreNeutralisedCell) });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === separator) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
      line += 1;
      recordLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return records;
}

/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection): = + - @ tab and carriage return. */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** A plain number, which a leading minus does not turn into a formula (French decimal comma or a point). */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * A cell Excel or LibreOffice would run as a formula (`=HYPERLINK("http://…"&A2,"x")` in a need's
 * label) prefixed with a single quote, so that it shows as text (OWASP's CSV-injection guidance);
 * plain numbers, negative ones included, are left as they are.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGER.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function restoreNeutralisedCell(value: string): string {
  return value.startsWith("'") && FORMULA_TRIGGER.test(value.slice(1)) && !PLAIN_NUMBER.test(value.slice(1)) ? value.slice(1) : value;
}

/**
 * Writes CSV with `;` and CRLF, quoting fields that need it; starts with a BOM so Excel reads UTF-8.
 * Every cell goes through `neutraliseCell` (and is then quoted): no export runs a formula.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const quote = (raw: string) => {
    const value = neutraliseCell(raw);
    return value !== raw || /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return `\uFEFF${rows.map((row) => row.map(quote).join(';')).join('\r\n')}\r\n`;
}
