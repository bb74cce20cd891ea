import type { ProductPrerequisite } from './product-prerequisites';

/** Which prerequisites a firm (or the members of a joint bid together) meets, and which block it. */
export interface PrerequisiteAssessment {
  met: ProductPrerequisite[];
  missing: ProductPrerequisite[];
}

/** A prerequisite is met when the bidder holds one of the competences that show it. */
export function assessPrerequisites(
  prerequisites: readonly ProductPrerequisite[],
  heldCompetences: Iterable<string>,
): PrerequisiteAssessment {
  const held = new Set(heldCompetences);
  const isMet = (p: ProductPrerequisite) => p.metByCompetences.some((c) => held.has(c));
  return { met: prerequisites.filter(isMet), missing: prerequisites.filter((p) => !isMet(p)) };
}

/** "déclaration du produit biocide … ; contrôle qualité …" for an explanation. */
export function describeMissingPrerequisites(missing: readonly Pick<ProductPrerequisite, 'labelFr' | 'article'>[]): string {
  return missing.map((p) => `${lowerFirst(p.labelFr)} (${p.article.split(' ;')[0]})`).join(' ; ');
}

function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
