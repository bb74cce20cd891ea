import type { DecpFormat } from '@mutualis/core';
import type { DecpRawRecord } from './decp-raw-record';
import { DECP_RECORD_LIMITS } from './decp-record-limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
/** Keys outside records are kept up to this length: the record paths only use short ones. */
const MAX_KEY_BYTES = 64;

interface Container {
  isArray: boolean;
  /** Key of this container in its parent object (null in an array or at the root). */
  key: string | null;
  /** For arrays holding records: the format their path denotes. */
  recordFormat: DecpFormat | null;
}

/**
 * Byte-level splitter of a DECP JSON document: finds each object of the record arrays —
 * `marches[]` (2019), `marches.marche[]` and `marches.contrat-concession[]` (2024) — and
 * `JSON.parse`s that object alone, so memory stays flat whatever the file size. Outside records it
 * only tracks containers and keys; inside a record it only counts brackets outside strings.
 * A record that does not parse is reported with its index and the parser's message; one past
 * `DECP_RECORD_LIMITS` (bytes, items of a list) is rejected with the reason and not kept in memory.
 * Nesting outside the records deeper than `maxDepth` refuses the document.
 */
export class JsonRecordScanner {
  private readonly stack: Container[] = [];
  private expectKey = false;
  private pendingKey: string | null = null;
  private inString = false;
  private escaped = false;
  private keyBytes: number[] | null = null;
  /** Bracket depth inside the current record; 0 when outside any record. */
  private recordDepth = 0;
  private recordParts: Buffer[] = [];
  private recordBytes = 0;
  private recordFormat: DecpFormat = '2019';
  private nextIndex = 0;
  private sawRecordArray = false;

  /**
   * Records completed by this chunk, in order, each parsed as it is taken: a parsed record then
   * dies before the next is made, instead of a whole chunk's records (about 1,400 per MiB)
   * living together long enough for the garbage collector to promote them to the old generation.
   * Take them all before pushing the next chunk.
   */
  *push(chunk: Buffer): Generator<DecpRawRecord> {
    let recordStart = this.recordDepth > 0 ? 0 : -1;
    let i = 0;
    while (i < chunk.length) {
      if (this.recordDepth > 0) {
        i = this.scanRecord(chunk, i);
        if (this.recordDepth > 0) break;
        this.keepPart(chunk.subarray(recordStart, i));
        yield this.finishRecord();
        recordStart = -1;
        continue;
      }
      const byte = chunk[i] as number;
      if (this.inString) this.outerStringByte(byte);
      else if (byte === QUOTE) {
        this.inString = true;
        this.keyBytes = this.expectKey ? [] : null;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        const parent = this.stack.at(-1);
        if (byte === OPEN_OBJECT && parent?.recordFormat) {
          this.recordDepth = 1;
          this.recordFormat = parent.recordFormat;
          recordStart = i;
        } else this.open(byte === OPEN_ARRAY);
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.stack.pop();
        this.expectKey = false;
      } else if (byte === COMMA) this.expectKey = this.stack.at(-1)?.isArray === false;
      i += 1;
    }
    // A copy: the caller may reuse the chunk's memory for the next read.
    if (this.recordDepth > 0 && recordStart >= 0) this.keepPart(chunk.subarray(recordStart), { isCopied: true });
  }

  /** Keeps a piece of the current record, unless the record has grown past its limit (then none is kept). */
  private keepPart(part: Buffer, { isCopied = false } = {}): void {
    this.recordBytes += part.length;
    if (this.recordBytes > DECP_RECORD_LIMITS.maxRecordBytes) {
      this.recordParts = [];
      return;
    }
    this.recordParts.push(isCopied ? Buffer.from(part) : part);
  }

  /**
   * Advances through a record from `from`: returns the index just past its closing bracket, or
   * the chunk length when the record goes on in the next chunk. Strings are skipped with the
   * native `indexOf` (most of a record's bytes), a quote being escaped when an odd run of
   * backslashes precedes it; a backslash ending the chunk carries over as `escaped`.
   */
  private scanRecord(chunk: Buffer, from: number): number {
    let i = from;
    let depth = this.recordDepth;
    let inString = this.inString;
    const end = chunk.length;
    if (inString && this.escaped) {
      this.escaped = false;
      i += 1;
    }
    while (i < end) {
      if (inString) {
        const segmentStart = i;
        let quote = chunk.indexOf(QUOTE, i);
        while (quote >= 0 && isEscaped(chunk, quote, segmentStart)) quote = chunk.indexOf(QUOTE, quote + 1);
        if (quote < 0) {
          this.escaped = isEscaped(chunk, end, segmentStart);
          i = end;
          break;
        }
        inString = false;
        i = quote + 1;
        continue;
      }
      const byte = chunk[i] as number;
      i += 1;
      if (byte === QUOTE) inString = true;
      else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) depth += 1;
      else if ((byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) && --depth === 0) break;
    }
    this.recordDepth = depth;
    this.inString = inString;
    return i;
  }

  /** Call at end of input: reports a truncated last record; throws when no record list was found. */
  end(): DecpRawRecord[] {
    if (this.recordDepth > 0) {
      this.recordParts = [];
      this.recordBytes = 0;
      return [{ index: this.nextIndex++, format: this.recordFormat, error: 'fin de fichier au milieu de l’enregistrement' }];
    }
    if (!this.sawRecordArray) throw new Error('aucune liste « marches » ni « marches.marche » trouvée');
    return [];
  }

  private outerStringByte(byte: number): void {
    if (this.escaped) this.escaped = false;
    else if (byte === BACKSLASH) this.escaped = true;
    else if (byte === QUOTE) {
      this.inString = false;
      if (this.keyBytes) {
        this.pendingKey = Buffer.from(this.keyBytes).toString('utf8');
        this.keyBytes = null;
        this.expectKey = false;
      }
      return;
    }
    if (this.keyBytes && this.keyBytes.length <= MAX_KEY_BYTES) this.keyBytes.push(byte);
  }

  private open(isArray: boolean): void {
    if (this.stack.length >= DECP_RECORD_LIMITS.maxDepth) {
      throw new Error(`listes et objets imbriqués sur plus de ${DECP_RECORD_LIMITS.maxDepth} niveaux hors des enregistrements`);
    }
    const parent = this.stack.at(-1);
    const key = parent && !parent.isArray ? this.pendingKey : null;
    // Record lists sit two or three levels down: deeper containers need no path (building it for
    // each would cost the depth every time).
    const path = isArray && this.stack.length <= 2 ? [...this.stack.map((c) => c.key), key].join('/') : '';
    const recordFormat = !isArray
      ? null
      : path === '/marches'
        ? '2019'
        : /^\/marches\/(marche|contrat-concession)$/.test(path)
          ? '2024'
          : null;
    if (recordFormat) this.sawRecordArray = true;
    this.stack.push({ isArray, key, recordFormat });
    this.pendingKey = null;
    this.expectKey = !isArray;
  }

  private finishRecord(): DecpRawRecord {
    const parts = this.recordParts;
    const bytes = this.recordBytes;
    this.recordParts = [];
    this.recordBytes = 0;
    const index = this.nextIndex++;
    const format = this.recordFormat;
    if (bytes > DECP_RECORD_LIMITS.maxRecordBytes) {
      return { index, format, error: `enregistrement refusé : plus de ${formatBytes(DECP_RECORD_LIMITS.maxRecordBytes)}` };
    }
    const text = (parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)).toString('utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const repaired = nonFiniteAsNull(text);
      raw = repaired === null ? undefined : parseOrUndefined(repaired);
      if (raw === undefined) return { index, format, error: `JSON invalide : ${error instanceof Error ? error.message : String(error)}` };
    }
    const repeated = longestList(raw);
    if (repeated !== null) {
      const limit = DECP_RECORD_LIMITS.maxRepeated.toLocaleString('fr-FR');
      return { index, format, error: `enregistrement refusé : la liste « ${repeated} » a plus de ${limit} éléments` };
    }
    return { index, format, raw };
  }
}

/** The value of a JSON text, or undefined when it is not JSON (JSON.parse never gives undefined). */
function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const NON_FINITE = ['NaN', '-Infinity', 'Infinity'] as const;

/**
 * `text` with the bare `NaN`, `Infinity` and `-Infinity` outside strings read as `null`, or null when
 * it has none. Python's json module writes them by default, and pandas' missing values are `NaN`:
 * files of Python pipelines (the national consolidation's among them) carry them, and Python reads them.
 */
export function nonFiniteAsNull(text: string): string | null {
  let out = '';
  let last = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) {
      inString = true;
      continue;
    }
    const token = NON_FINITE.find((t) => text.startsWith(t, i));
    if (token === undefined) continue;
    out += `${text.slice(last, i)}null`;
    i += token.length - 1;
    last = i + 1;
  }
  return last === 0 ? null : out + text.slice(last);
}

/**
 * The key of the first list of `value` longer than `maxRepeated` items, or null (iterative: no
 * recursion depth to exhaust). Two stacks of values and keys, only objects and lists pushed: it
 * visits every record of an import, and a pair per value left that much garbage behind.
 */
function longestList(value: unknown): string | null {
  const values: object[] = [];
  const keys: string[] = [];
  if (value !== null && typeof value === 'object') {
    values.push(value);
    keys.push('');
  }
  for (let item = values.pop(), key = keys.pop() ?? ''; item !== undefined; item = values.pop(), key = keys.pop() ?? '') {
    if (Array.isArray(item)) {
      if (item.length > DECP_RECORD_LIMITS.maxRepeated) return key;
      for (const element of item as unknown[]) {
        if (element === null || typeof element !== 'object') continue;
        values.push(element);
        keys.push(key);
      }
      continue;
    }
    for (const childKey in item) {
      const child = (item as Record<string, unknown>)[childKey];
      if (child === null || typeof child !== 'object') continue;
      values.push(child);
      keys.push(childKey);
    }
  }
  return null;
}

function formatBytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toLocaleString('fr-FR')} Mio`;
}

/** True when an odd run of backslashes (not reaching before `floor`) precedes `position`. */
function isEscaped(chunk: Buffer, position: number, floor: number): boolean {
  let p = position - 1;
  while (p >= floor && chunk[p] === BACKSLASH) p -= 1;
  return (position - 1 - p) % 2 === 1;
}
