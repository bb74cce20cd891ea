import { DomainError } from '@mutualis/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { inspectXlsxArchive, unpackEntry, type ZipEntryInfo } from './inspect-xlsx-archive';
import { dateStyleIndexes, excelSerialToIsoDate } from './xlsx-date-styles';

/** One row of a sheet as the text a user sees in each cell (index 0 = column A). */
export interface XlsxRow {
  /** 1-based row number, as Excel shows it. */
  row: number;
  cells: string[];
}

export interface XlsxSheet {
  name: string;
  rows: XlsxRow[];
}

/** Columns of a sheet in Excel (A to XFD); a reference beyond is refused. */
const MAX_COLUMNS = 16_384;

/**
 * Workbooks read at once by this process; the others wait their turn. A read holds the shared
 * strings and rows of a workbook of up to 64 MB unpacked: eight uploads at once must not add up.
 */
const MAX_CONCURRENT_READS = 2;
let reading = 0;
const waiting: (() => void)[] = [];

async function withReadSlot<T>(read: () => Promise<T>): Promise<T> {
  if (reading >= MAX_CONCURRENT_READS) await new Promise<void>((resolve) => waiting.push(resolve));
  reading += 1;
  try {
    return await read();
  } finally {
    reading -= 1;
    waiting.shift()?.();
  }
}

/**
 * The non-empty rows of every sheet of an uploaded XLSX workbook, in workbook order, as the text a
 * user sees (see `cellText`: numbers with 15 significant digits, booleans VRAI/FAUX, dates
 * YYYY-MM-DD, formulas as their last result, errors empty). The archive is checked first
 * (`inspectXlsxArchive`: unpacked size, cell size), then its XML is parsed as it is unpacked, 64
 * KiB at a time: memory holds the shared strings and the rows read, never a workbook model
 * (exceljs took 1 GB of heap for a 50,000-row census), and other requests run between chunks.
 * Throws `unreadable_file` when the buffer is not a workbook, `payload_too_large` or
 * `validation_failed` past the limits.
 */
export function readXlsxSheets(buffer: Buffer, fileName: string): Promise<XlsxSheet[]> {
  return withReadSlot(() => readSheets(buffer, fileName));
}

async function readSheets(buffer: Buffer, fileName: string): Promise<XlsxSheet[]> {
  const entries = new Map((await inspectXlsxArchive(buffer, fileName)).map((e) => [e.name, e]));
  const unreadable = (reason: string) =>
    new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un classeur Excel (.xlsx) lisible : ${reason}.`, {
      issues: [{ field: 'file', file: fileName, reason }],
    });
  const parse = async (name: string, handlers: XmlHandlers): Promise<boolean> => {
    const entry = entries.get(name);
    if (!entry) return false;
    await parseXml(unpackEntry(buffer, entry, fileName), handlers).catch((error: unknown) => {
      throw error instanceof DomainError ? error : unreadable(`${name} : XML invalide`);
    });
    return true;
  };
  const sheets = await readWorkbook(parse);
  if (sheets.length === 0) throw unreadable('aucune feuille');
  const strings = await readSharedStrings(parse);
  const dates = await readDateStyles(entries, buffer, fileName);
  const read: XlsxSheet[] = [];
  for (const sheet of sheets) {
    const rows: XlsxRow[] = [];
    const found = await parse(sheet.path, sheetHandlers(rows, strings, dates, unreadable));
    if (!found) throw unreadable(`feuille « ${sheet.name} » absente`);
    read.push({ name: sheet.name, rows });
  }
  return read;
}

interface XmlHandlers {
  open(tag: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close(tag: string): void;
}

type Parse = (name: string, handlers: XmlHandlers) => Promise<boolean>;

async function parseXml(chunks: AsyncIterable<Buffer>, handlers: XmlHandlers): Promise<void> {
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('text', (text: string) => handlers.text?.(text));
  parser.on('closetag', (tag) => handlers.close(localName(tag.name)));
  parser.on('error', (error: Error) => {
    throw error;
  });
  for await (const chunk of chunks) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode());
  parser.close();
}

/** The sheets in workbook order with the path of their XML (`xl/workbook.xml` and its relationships). */
async function readWorkbook(parse: Parse): Promise<{ name: string; path: string }[]> {
  const listed: { name: string; id: string }[] = [];
  await parse('xl/workbook.xml', {
    open: (tag, attributes) => {
      const id = Object.entries(attributes).find(([key]) => localName(key) === 'id')?.[1];
      if (tag === 'sheet' && attributes.name !== undefined && id !== undefined) listed.push({ name: attributes.name, id });
    },
    close: () => {},
  });
  const targets = new Map<string, string>();
  await parse('xl/_rels/workbook.xml.rels', {
    open: (tag, attributes) => {
      if (tag === 'Relationship' && attributes.Id !== undefined && attributes.Target !== undefined)
        targets.set(attributes.Id, attributes.Target);
    },
    close: () => {},
  });
  return listed.flatMap(({ name, id }) => {
    const target = targets.get(id);
    if (target === undefined) return [];
    return [{ name, path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}` }];
  });
}

/** The shared strings table: each `<si>`'s text runs, without phonetic guides (`<rPh>`). */
async function readSharedStrings(parse: Parse): Promise<string[]> {
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  await parse('xl/sharedStrings.xml', {
    open: (tag) => {
      if (tag === 'si') current = '';
      else if (tag === 'rPh') inPhonetic = true;
      else if (tag === 't') inText = !inPhonetic;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
    close: (tag) => {
      if (tag === 't') inText = false;
      else if (tag === 'rPh') inPhonetic = false;
      else if (tag === 'si') {
        strings.push(current ?? '');
        current = null;
      }
    },
  });
  return strings;
}

async function readDateStyles(entries: ReadonlyMap<string, ZipEntryInfo>, buffer: Buffer, fileName: string): Promise<Set<number>> {
  const entry = entries.get('xl/styles.xml');
  if (!entry) return new Set();
  const parts: Buffer[] = [];
  for await (const chunk of unpackEntry(buffer, entry, fileName)) parts.push(chunk);
  return dateStyleIndexes(Buffer.concat(parts).toString('utf8'));
}

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
  inValue: boolean;
  inInline: boolean;
}

/** Handlers of a worksheet's XML that push each non-empty row into `rows`. */
function sheetHandlers(
  rows: XlsxRow[],
  strings: readonly string[],
  dates: ReadonlySet<number>,
  unreadable: (reason: string) => DomainError,
): XmlHandlers {
  let rowNumber = 0;
  let cells: string[] = [];
  let cell: CellState | null = null;
  return {
    open: (tag, attributes) => {
      if (tag === 'row') {
        const stated = Number(attributes.r);
        rowNumber = Number.isSafeInteger(stated) && stated > 0 ? stated : rowNumber + 1;
        cells = [];
      } else if (tag === 'c') {
        const column = attributes.r === undefined ? cells.length : columnIndex(attributes.r);
        if (column < 0 || column >= MAX_COLUMNS) throw unreadable(`référence de cellule invalide « ${attributes.r ?? ''} »`);
        cell = {
          column,
          type: attributes.t ?? 'n',
          style: Number(attributes.s ?? 0),
          value: '',
          inline: '',
          inValue: false,
          inInline: false,
        };
      } else if (cell && tag === 'v') cell.inValue = true;
      else if (cell && tag === 't') cell.inInline = true;
    },
    text: (text) => {
      if (cell?.inValue) cell.value += text;
      else if (cell?.inInline) cell.inline += text;
    },
    close: (tag) => {
      if (tag === 'v' && cell) cell.inValue = false;
      else if (tag === 't' && cell) cell.inInline = false;
      else if (tag === 'c' && cell) {
        const text = cellTextOf(cell, strings, dates);
        while (cells.length < cell.column) cells.push('');
        cells[cell.column] = text;
        cell = null;
      } else if (tag === 'row' && cells.some((c) => c !== '')) rows.push({ row: rowNumber, cells });
    },
  };
}

/** What the user sees in the cell, as `cellText` renders exceljs values. */
function cellTextOf(cell: CellState, strings: readonly string[], dates: ReadonlySet<number>): string {
  switch (cell.type) {
    case 's':
      return strings[Number(cell.value)] ?? '';
    case 'str':
      return cell.value;
    case 'inlineStr':
      return cell.inline;
    case 'b':
      return cell.value === '' ? '' : cell.value === '1' ? 'VRAI' : 'FAUX';
    case 'e':
      return '';
    case 'd':
      return cell.value.slice(0, 10);
    default: {
      if (cell.value.trim() === '') return '';
      const number = Number(cell.value);
      if (!Number.isFinite(number)) return cell.value;
      if (dates.has(cell.style)) return excelSerialToIsoDate(number) ?? String(number);
      return String(Number(number.toPrecision(15)));
    }
  }
}

/** 0-based column of a cell reference (`B7` → 1); -1 when it is not one. */
function columnIndex(reference: string): number {
  const letters = /^([A-Z]{1,3})\d*$/.exec(reference)?.[1];
  if (letters === undefined) return -1;
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
