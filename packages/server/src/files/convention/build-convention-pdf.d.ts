import type { ConventionInput } from './convention-input';
/** Renders the convention constitutive as a PDF (A4, numbered articles, tables, page numbers). */
export declare function buildConventionPdf(input: ConventionInput): Promise<Buffer>;
