import type { ConventionInput } from './convention-input';
/** Renders the convention constitutive as a Word document (A4, numbered articles, signature table). */
export declare function buildConventionDocx(input: ConventionInput): Promise<Buffer>;
