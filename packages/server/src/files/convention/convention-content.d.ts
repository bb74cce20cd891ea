import type { ConventionDocument } from './convention-document';
import type { ConventionInput } from './convention-input';
/** Builds the text of the convention constitutive as numbered articles, shared by the DOCX and PDF renderers. */
export declare function buildConventionContent(input: ConventionInput): ConventionDocument;
