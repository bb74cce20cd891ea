/** A block of a generated document, drawn identically in DOCX and PDF. */
export type DocumentBlock =
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'bullets'; items: readonly string[] }
  | { kind: 'table'; header: readonly string[]; rows: readonly (readonly string[])[]; widths: readonly number[]; rowHeight?: number };

/** A titled section (« Article 2 — … », « 3. Calendrier »). */
export interface DocumentSection {
  heading: string;
  blocks: readonly DocumentBlock[];
}

/** One document of a file: title page header, opening blocks, sections, closing blocks. */
export interface DocumentPart {
  title: string;
  subtitle: string;
  intro: readonly DocumentBlock[];
  sections: readonly DocumentSection[];
  closing: readonly DocumentBlock[];
}

/** A file made of one or more documents, each starting on a new page. */
export interface ComposedFile {
  /** Title of the file (document properties, footer). */
  title: string;
  /** Text before the page number in the footer; the title when absent. */
  footer?: string;
  parts: readonly DocumentPart[];
}

export const paragraph = (text: string, bold = false): DocumentBlock =>
  bold ? { kind: 'paragraph', text, bold } : { kind: 'paragraph', text };
