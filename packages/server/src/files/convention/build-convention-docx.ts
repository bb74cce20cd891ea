import { renderDocx } from '../documents/render-docx';
import { conventionFile } from './convention-file';
import type { ConventionInput } from './convention-input';

/** Renders the convention constitutive as a Word document (A4, numbered articles, signature table). */
export function buildConventionDocx(input: ConventionInput): Promise<Buffer> {
  return renderDocx(conventionFile(input));
}
