import type { DecpRawRecord } from './decp-raw-record';

/** Longest CSV line accepted: a real row is a few kilobytes; a longer one is reported, not held. */
const MAX_LINE_CHARS = 1 << 20;
/** Placeholders the consolidations put in empty cells of the numbered holder columns. */
const EMPTY_CELLS = new Set(['', 'CDL', 'MQ', 'NC', 'null', 'None', 'nan']);

type Row = Map<string, string>;

/**
 * Streaming reader of the tabular DECP published by the open-source consolidation (decp.info's
 * CSV, the DECP table schema and the older « DECP augmenté »): one row per contract × holder, the
 * delimiter (`,` `;` or tab) taken from the header line, cells quoted as RFC 4180 says. Header names
 * are read with `.` and `_` alike (`acheteur.id` = `acheteur_id`), holders from `titulaire_id`,
 * `titulaire_id_1`…; consecutive rows of one contract (same buyer and id) make one record, in the
 * shape of the 2019 JSON format, so the same normalisation applies. When rows of a contract say
 * `donneesActuelles`, only the current ones are kept. Each record carries the line of its first row.
 */
export class CsvRecordScanner {
  private header: string[] | null = null;
  private delimiter = ',';
  private pending = '';
  private lineNumber = 0;
  private group: { key: string; line: number; rows: Row[] } | null = null;
  private nextIndex = 0;

  /** Records completed by this piece of text. */
  push(text: string): DecpRawRecord[] {
    const out: DecpRawRecord[] = [];
    this.pending += text;
    let start = 0;
    for (;;) {
      const end = lineEnd(this.pending, start);
      if (end < 0) break;
      this.line(this.pending.slice(start, end), out);
      start = end + (this.pending[end] === '\r' && this.pending[end + 1] === '\n' ? 2 : 1);
    }
    this.pending = this.pending.slice(start);
    if (this.pending.length > MAX_LINE_CHARS) {
      this.lineNumber += 1;
      out.push({ index: this.nextIndex++, line: this.lineNumber, format: '2019', error: `ligne de plus de ${MAX_LINE_CHARS} caractères` });
      this.pending = '';
    }
    return out;
  }

  /** Call at end of input: the last line and the last record. */
  end(): DecpRawRecord[] {
    const out: DecpRawRecord[] = [];
    if (this.pending.trim() !== '') this.line(this.pending, out);
    this.pending = '';
    if (this.header === null) throw new Error('aucune ligne d’en-tête CSV');
    this.flush(out);
    return out;
  }

  private line(text: string, out: DecpRawRecord[]): void {
    this.lineNumber += 1;
    if (this.header === null) {
      const headerLine = text.replace(/^\uFEFF/, '');
      this.delimiter = [';', '\t', ','].find((d) => headerLine.includes(d)) ?? ',';
      this.header = splitCells(headerLine, this.delimiter).map(canonicalName);
      if (!this.header.includes('acheteur_id') || !this.header.includes('id'))
        throw new Error('en-tête CSV sans colonnes « id » et « acheteur_id » (ou « acheteur.id »)');
      return;
    }
    if (text.trim() === '') return;
    const cells = splitCells(text, this.delimiter);
    const row: Row = new Map();
    this.header.forEach((name, i) => {
      const value = cells[i]?.trim() ?? '';
      if (value !== '') row.set(name, value);
    });
    const key = `${row.get('acheteur_id') ?? ''}|${row.get('id') ?? ''}`;
    if (this.group?.key !== key) {
      this.flush(out);
      this.group = { key, line: this.lineNumber, rows: [] };
    }
    this.group.rows.push(row);
  }

  private flush(out: DecpRawRecord[]): void {
    if (this.group === null) return;
    const { rows, line } = this.group;
    this.group = null;
    const current = rows.filter((row) => isTrue(row.get('donneesactuelles')));
    out.push({ index: this.nextIndex++, line, format: '2019', raw: toRecord(current.length > 0 ? current : rows) });
  }
}

/** Where the line starting at `from` ends (a line break outside quotes), or -1 when it goes on in the next piece. */
function lineEnd(text: string, from: number): number {
  let inQuotes = false;
  for (let i = from; i < text.length; i += 1) {
    const char = text[i];
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === '\n' || char === '\r')) return char === '\r' && i + 1 === text.length ? -1 : i;
  }
  return -1;
}

/** The cells of one line; `""` inside quotes is one quote. */
function splitCells(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (inQuotes) {
      if (char !== '"') cell += char;
      else if (line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else inQuotes = false;
    } else if (char === '"') inQuotes = true;
    else if (char === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

/** `acheteur.id` and `acheteur_id` alike; `donneesActuelles` → `donneesactuelles` only for that flag. */
function canonicalName(name: string): string {
  const canonical = name.trim().replace(/^"|"$/g, '').replace(/\./g, '_');
  return canonical.toLowerCase() === 'donneesactuelles' ? 'donneesactuelles' : canonical;
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && ['oui', 'true', '1', 'vrai'].includes(value.toLowerCase());
}

/** The record in the shape of the 2019 JSON format, holders gathered from every row. */
function toRecord(rows: readonly Row[]): Record<string, unknown> {
  const first = rows[0] as Row;
  const text = (name: string) => first.get(name);
  const record: Record<string, unknown> = {};
  for (const name of [
    'id',
    'uid',
    'nature',
    'objet',
    'codeCPV',
    'procedure',
    'dureeMois',
    'dateNotification',
    'datePublicationDonnees',
    'montant',
    'formePrix',
    'source',
  ]) {
    const value = text(name);
    if (value !== undefined) record[name] = value;
  }
  const type = text('_type') ?? text('type');
  if (type !== undefined) record._type = type;
  record.acheteur = compact({ id: text('acheteur_id'), nom: text('acheteur_nom') });
  const place = compact({ code: text('lieuExecution_code'), typeCode: text('lieuExecution_typeCode'), nom: text('lieuExecution_nom') });
  if (Object.keys(place).length > 0) record.lieuExecution = place;
  record.titulaires = holdersOf(rows);
  return record;
}

function holdersOf(rows: readonly Row[]): Record<string, string>[] {
  const holders = new Map<string, Record<string, string>>();
  for (const row of rows) {
    for (const suffix of ['', '_1', '_2', '_3', '_4', '_5']) {
      const id = row.get(`titulaire_id${suffix}`);
      if (id === undefined || EMPTY_CELLS.has(id) || holders.has(id)) continue;
      holders.set(
        id,
        compact({
          id,
          typeIdentifiant: row.get(`titulaire_typeIdentifiant${suffix}`),
          denominationSociale: row.get(`titulaire_denominationSociale${suffix}`) ?? row.get(`titulaire_nom${suffix}`),
        }),
      );
    }
  }
  return [...holders.values()];
}

function compact(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined && !EMPTY_CELLS.has(entry[1])),
  );
}
