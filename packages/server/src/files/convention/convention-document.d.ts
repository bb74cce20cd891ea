/** The convention as renderer-neutral blocks, drawn identically in DOCX and PDF. */
export type ConventionBlock =
  | {
      kind: 'paragraph';
      text: string;
      bold?: boolean;
    }
  | {
      kind: 'bullets';
      items: readonly string[];
    }
  | {
      kind: 'table';
      header: readonly string[];
      rows: readonly (readonly string[])[];
      widths: readonly number[];
      rowHeight?: number;
    };
export interface ConventionArticle {
  number: number;
  title: string;
  blocks: readonly ConventionBlock[];
}
export interface ConventionDocument {
  title: string;
  subtitle: string;
  preamble: readonly ConventionBlock[];
  articles: readonly ConventionArticle[];
  closing: readonly ConventionBlock[];
}
