import type { DecpFormat } from '@mutualis/core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { DecpRawRecord } from './decp-raw-record';

/** An element being built: its name and children so far, or its text when it has no child element. */
interface Node {
  name: string;
  children: Map<string, unknown> | null;
  text: string;
}

/** Child elements whose presence marks the 2024 format (they do not exist in 2019). */
const FORMAT_2024_MARKERS = ['techniques', 'ccag', 'offresRecues', 'modalitesExecution'];

/**
 * Streaming reader of a DECP XML document (`<marches><marche>…</marche>…</marches>`, both formats):
 * each element under the root becomes one record, converted to the JSON shape (an element with
 * children → object, a repeated child → array, a leaf → its text). Namespace prefixes are dropped.
 * A well-formedness error inside a record makes that record an error; the parser then resumes.
 */
export class XmlRecordScanner {
  private readonly parser = new SaxesParser();
  private readonly path: Node[] = [];
  private readonly out: DecpRawRecord[] = [];
  private recordError: string | null = null;
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
    this.path.push({ name, children: null, text: '' });
  }

  private text(text: string): void {
    const node = this.path.at(-1);
    if (node && this.path.length >= 2 && node.children === null) node.text += text;
  }

  private close(): void {
    const node = this.path.pop();
    if (!node || this.path.length === 0) return;
    const value = node.children === null ? node.text.trim() : Object.fromEntries(node.children);
    if (this.path.length === 1) {
      this.out.push(this.toRecord(value, node));
      return;
    }
    const parent = this.path.at(-1) as Node;
    parent.children ??= new Map();
    const previous = parent.children.get(node.name);
    if (previous === undefined) parent.children.set(node.name, value);
    else parent.children.set(node.name, Array.isArray(previous) ? [...previous, value] : [previous, value]);
  }

  private toRecord(value: unknown, node: Node): DecpRawRecord {
    const index = this.nextIndex++;
    const format: DecpFormat = FORMAT_2024_MARKERS.some((marker) => node.children?.has(marker)) ? '2024' : '2019';
    const error = this.recordError;
    this.recordError = null;
    return error === null ? { index, format, raw: value } : { index, format, error };
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
