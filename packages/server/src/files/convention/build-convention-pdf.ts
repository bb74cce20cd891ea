import { renderPdf } from '../documents/render-pdf';
import { conventionFile } from './convention-file';
import type { ConventionInput } from './convention-input';

/** Renders the convention constitutive as a PDF (A4, numbered articles, tables, page numbers). */
export function buildConventionPdf(input: ConventionInput): Promise<Buffer> {
  return renderPdf(conventionFile(input));
}
