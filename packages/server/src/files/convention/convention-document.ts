import type { DocumentBlock } from '@mutualis/core';

/** The convention as renderer-neutral blocks, drawn identically in DOCX and PDF (`files/documents`). */
export type ConventionBlock = DocumentBlock;

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
