import { assessPrerequisites } from './assess-prerequisites';
import type { ProductPrerequisite } from './product-prerequisites';

/** A firm as the co-contracting search reads it. */
export interface JointBidFirm {
  id: string;
  name: string;
  competences: readonly string[];
}

/** Firms that together cover every competence and every prerequisite of a recipe: a candidate joint bid. */
export interface JointBidProposal {
  /** The firm that makes the product (its capacity is the bid's); proposed as mandataire (R2142-24). */
  leadId: string;
  partnerIds: string[];
  name: string;
  recipeLabel: string;
  /** Competences of the recipe the members cover together, out of all of them. */
  coveredCount: number;
  competenceCount: number;
  /** What each partner brings (competence codes and prerequisites met). */
  contributions: { firmId: string; competences: string[]; prerequisites: string[] }[];
  explanation: string;
}

export interface ProposeJointBidsOptions {
  recipe: { label: string; competences: readonly { code: string; weight: number }[] };
  prerequisites: readonly ProductPrerequisite[];
  /** Firms that could make the product but cannot answer alone (missing competences or a blocking prerequisite). */
  leads: readonly JointBidFirm[];
  /** Every firm of the territory that may partner. */
  firms: readonly JointBidFirm[];
  /** Labels of competences for explanations. */
  labelOf: (code: string) => string;
  /** At most this many partners per bid (default 1: the smallest groupement, one mandataire and one co-contractor). */
  maxPartners?: number;
}

/** The rule on groupements d'opérateurs économiques, quoted in every proposal. */
export const JOINT_BID_RULE_FR =
  'Les opérateurs économiques peuvent se présenter en groupement, conjoint ou solidaire, sans que l’acheteur puisse exiger une forme juridique pour la candidature ou l’offre (R2142-19, R2142-20) ; ' +
  'un mandataire désigné représente les membres et coordonne leurs prestations (R2142-24) ; les capacités du groupement sont appréciées globalement (R2142-25).';

/**
 * For each lead, the smallest set of partners (at most `maxPartners`, greedy by what each adds, then by
 * name) with which every competence of the recipe and every prerequisite is covered; leads with no
 * such set get no proposal.
 */
export function proposeJointBids(options: ProposeJointBidsOptions): JointBidProposal[] {
  const { recipe, prerequisites, leads, firms, labelOf } = options;
  const maxPartners = options.maxPartners ?? 1;
  const needed = [...new Set(recipe.competences.filter((c) => c.weight > 0).map((c) => c.code))];
  const proposals: JointBidProposal[] = [];
  for (const lead of leads) {
    const held = new Set(lead.competences);
    const partners: JointBidFirm[] = [];
    const gaps = () => ({
      competences: needed.filter((c) => !held.has(c)),
      prerequisites: assessPrerequisites(prerequisites, held).missing,
    });
    while (partners.length < maxPartners) {
      const { competences, prerequisites: missing } = gaps();
      if (competences.length === 0 && missing.length === 0) break;
      const gain = (f: JointBidFirm) =>
        competences.filter((c) => f.competences.includes(c)).length +
        missing.filter((p) => p.metByCompetences.some((c) => f.competences.includes(c))).length;
      const best = firms
        .filter((f) => f.id !== lead.id && !partners.some((p) => p.id === f.id) && gain(f) > 0)
        .sort((a, b) => gain(b) - gain(a) || a.name.localeCompare(b.name, 'fr') || a.id.localeCompare(b.id))[0];
      if (!best) break;
      partners.push(best);
      for (const c of best.competences) held.add(c);
    }
    const { competences, prerequisites: missing } = gaps();
    if (partners.length === 0 || competences.length > 0 || missing.length > 0) continue;
    proposals.push(describe({ lead, partners, recipe, prerequisites, needed, labelOf }));
  }
  return proposals;
}

function describe({
  lead,
  partners,
  recipe,
  prerequisites,
  needed,
  labelOf,
}: {
  lead: JointBidFirm;
  partners: readonly JointBidFirm[];
  recipe: ProposeJointBidsOptions['recipe'];
  prerequisites: readonly ProductPrerequisite[];
  needed: readonly string[];
  labelOf: (code: string) => string;
}): JointBidProposal {
  const leadHeld = new Set(lead.competences);
  const leadMet = new Set(assessPrerequisites(prerequisites, leadHeld).met.map((p) => p.code));
  const contributions = partners.map((p) => ({
    firmId: p.id,
    competences: needed.filter((c) => !leadHeld.has(c) && p.competences.includes(c)),
    prerequisites: prerequisites
      .filter((q) => !leadMet.has(q.code) && q.metByCompetences.some((c) => p.competences.includes(c)))
      .map((q) => q.code),
  }));
  const brings = partners
    .map((p, i) => {
      const c = contributions[i] as (typeof contributions)[number];
      const what = [
        ...c.competences.map(labelOf),
        ...c.prerequisites.map((code) => prerequisites.find((q) => q.code === code)?.labelFr ?? code),
      ];
      return `${p.name} apporte : ${what.map(lowerFirst).join(', ')}`;
    })
    .join(' ; ');
  const name = `${[lead, ...partners].map((f) => f.name).join(' + ')} (groupement)`;
  const explanation =
    `Ensemble, ${[lead, ...partners].map((f) => f.name).join(' et ')} couvrent ${needed.length} compétences sur ${needed.length} de la recette « ${recipe.label} »` +
    `${prerequisites.length > 0 ? ` et ses ${prerequisites.length} prérequis bloquants` : ''}. ${lead.name} fabrique et serait mandataire ; ${brings}. ${JOINT_BID_RULE_FR}`;
  return {
    leadId: lead.id,
    partnerIds: partners.map((p) => p.id),
    name,
    recipeLabel: recipe.label,
    coveredCount: needed.length,
    competenceCount: needed.length,
    contributions,
    explanation,
  };
}

function lowerFirst(text: string): string {
  if (/^\p{Lu}{2}/u.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
