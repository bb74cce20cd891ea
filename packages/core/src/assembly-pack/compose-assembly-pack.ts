import type { AssemblyPackInput } from './assembly-pack-input';
import { composeConventionAnnexes } from './convention-annexes';
import type { ComposedFile } from './document-model';
import { composeDraftDeliberation } from './draft-deliberation';
import { ownFactsOf } from './pack-facts';
import { composePresentationNote } from './presentation-note';

/**
 * One member's assembly pack: the presentation note, the draft deliberation (or decision of its
 * competent body) and the convention annexes. Only this member's amounts, unit prices and savings
 * appear, besides the annex's quantities and maxima that every signatory reads.
 */
export function composeAssemblyPack(input: AssemblyPackInput): ComposedFile {
  const own = ownFactsOf(input);
  return {
    title: `Dossier d’assemblée — ${own.row.name} — ${input.groupement.name}`,
    parts: [composePresentationNote(input), composeDraftDeliberation(input), composeConventionAnnexes(input)],
  };
}
