import type { DecpFormat } from '@mutualis/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { DecpRawRecord } from './decp-raw-record';
import { DECP_RECORD_LIMITS } from './decp-record-limits';

/** An element being built: its children so far by name (in document order), or its text when it has no child element. */
interface Node {
  name: string;
  children: Map<string, unknown[]> | null;
  text: string;
}

/** Child elements whose presence marks the 2024 format (they do not exist in 2019). */
const FORMAT_2024_MARKERS = ['techniques', 'ccag', 'offresRecues', 'modalitesExecution'];

/**
 * Streaming reader of a DECP XML document (`<marches><marche>…</marche>…</marches>`, both formats):
 * each element under the root becomes one record, converted to the JSON shape (an element with
 * children → object, a repeated child → array, a leaf → its text). Namespace prefixes are dropped.
 * A well-formedness error inside a record makes that record an error; the parser then resumes.
 *
 * Work and memory are linear in the input: repeated children are appended to one list (copying
 * the list for each would be quadratic: 100,000 `<titulaire>` took 83 s), and a record past the
 * limits of `DECP_RECORD_LIMITS` (repetitions of one element, elements, text) is rejected with the
 * reason and no longer built. Nesting deeper than `maxDepth` refuses the whole document: the
 * parser's own stack of open elements would grow with it.
 */
export class XmlRecordScanner {
  private readonly parser = new SaxesParser();
  private readonly path: Node[] = [];
  private readonly out: DecpRawRecord[] = [];
  private recordError: string | null = null;
  private recordElements = 0;
  private recordTextLength = 0;
  private nextIndex = 0;
  private sawRoot = false;

  constructor() {
    this.parser.on('opentag', (tag: SaxesTagPlain) => this.open(localName(tag.name)));
    this.parser.on('text', (text: string) => this.text(text));
    this.parser.on('cdata', (text: string) => this.text(text));
    this.parser.on('closetag', () => this.close());
    this.parser.on('error', (error: Error) => {
      if (this.path.length < 2) throw new Error(`XML illisible : ${error.message}`);
      this.recordError ??= `XML invalide : ${error.message}`;
    });
  }

  /** Records completed by this piece of text, in order. */
  push(text: string): DecpRawRecord[] {
    this.parser.write(text);
    return this.out.splice(0);
  }

  end(): DecpRawRecord[] {
    this.parser.close();
    if (!this.sawRoot) throw new Error('aucun élément racine <marches> trouvé');
    return this.out.splice(0);
  }

  private open(name: string): void {
    if (this.path.length === 0) {
      if (name !== 'marches') throw new Error(`élément racine <${name}> au lieu de <marches>`);
      this.sawRoot = true;
    }
    if (this.path.length >= DECP_RECORD_LIMITS.maxDepth) {
      throw new Error(`éléments imbriqués sur plus de ${DECP_RECORD_LIMITS.maxDepth} niveaux`);
    }
    if (this.path.length === 1) {
      this.recordElements = 0;
      this.recordTextLength = 0;
    } else if (++this.recordElements > DECP_RECORD_LIMITS.maxElements) {
      this.reject(`plus de ${formatCount(DECP_RECORD_LIMITS.maxElements)} éléments dans l’enregistrement`);
    }
    this.path.push({ name, children: null, text: '' });
  }

  private text(text: string): void {
    const node = this.path.at(-1);
    if (!node || this.path.length < 2 || node.children !== null || this.recordError !== null) return;
    this.recordTextLength += text.length;
    if (this.recordTextLength > DECP_RECORD_LIMITS.maxTextChars) {
      this.reject(`plus de ${formatCount(DECP_RECORD_LIMITS.maxTextChars)} caractères de texte dans l’enregistrement`);
      return;
    }
    node.text += text;
  }

  private close(): void {
    const node = this.path.pop();
    if (!node || this.path.length === 0) return;
    if (this.path.length === 1) {
      this.out.push(this.toRecord(node));
      return;
    }
    // A rejected record is no longer built: its remaining elements cost no memory.
    if (this.recordError !== null) return;
    const parent = this.path.at(-1) as Node;
    parent.children ??= new Map();
    const siblings = parent.children.get(node.name);
    if (siblings === undefined) parent.children.set(node.name, [jsonValueOf(node)]);
    else if (siblings.length >= DECP_RECORD_LIMITS.maxRepeated) {
      this.reject(`l’élément <${node.name}> est répété plus de ${formatCount(DECP_RECORD_LIMITS.maxRepeated)} fois`);
    } else siblings.push(jsonValueOf(node));
  }

  private reject(reason: string): void {
    this.recordError ??= `enregistrement refusé : ${reason}`;
  }

  private toRecord(node: Node): DecpRawRecord {
    const index = this.nextIndex++;
    const format: DecpFormat = FORMAT_2024_MARKERS.some((marker) => node.children?.has(marker)) ? '2024' : '2019';
    const error = this.recordError;
    this.recordError = null;
    return error === null ? { index, format, raw: jsonValueOf(node) } : { index, format, error };
  }
}

/** The JSON shape of a closed element: its trimmed text, or an object whose repeated children are arrays. */
function jsonValueOf(node: Node): unknown {
  if (node.children === null) return node.text.trim();
  // fromEntries defines own properties: an element named <__proto__> stays a plain key.
  return Object.fromEntries(Array.from(node.children, ([name, values]) => [name, values.length === 1 ? values[0] : values]));
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function formatCount(value: number): string {
  return value.toLocaleString('fr-FR');
}
