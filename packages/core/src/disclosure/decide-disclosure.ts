import { actsFor, type DisclosureViewer } from './disclosure-viewer';

/** Fewest contributors other than the viewer's own organizations for an aggregate to be shown. */
export const MIN_OTHER_CONTRIBUTORS = 2;

/**
 * A figure a screen or an export is about to show, described by whose figures it is computed from.
 * Names, SIRET and volumes (quantities) of members are not figures in this sense: every member reads them.
 */
export type Figure =
  /** One organization's amount, unit price, consumption, or any value computed from its figures alone. */
  | { kind: 'organization'; organizationId: string }
  /** A running contract's amount, or an organization's current price: private in every case, even in the convention. */
  | { kind: 'running_contract'; organizationId: string }
  /** A quantity or a maximum the signed convention states for one member: every co-signatory reads it. */
  | { kind: 'convention'; organizationId: string; signatoryIds: readonly string[] }
  /**
   * A figure computed from several organizations' figures: a total, a share, a savings range.
   * `relatedContributorIds`: the contributors of aggregates of the same needs the viewer is also
   * shown (a groupement's source opportunity): the difference of the two must not isolate one
   * other organization either. `isVariant`: computed over another split of the needs than the
   * opportunities of the reference analysis (other analysis options, CPV divisions, the whole
   * territory), so that comparing it with those would isolate the needs that differ.
   */
  | {
      kind: 'aggregate';
      contributorIds: readonly string[];
      relatedContributorIds?: readonly (readonly string[])[];
      isVariant?: boolean;
    }
  /**
   * Aggregates of a what-if the viewer chose itself (a scenario: before and after). Since the
   * viewer can ask again with other changes, any change in which other organizations contribute
   * would let it solve for each one's figure: shown only if only its own organizations change.
   */
  | { kind: 'what_if'; beforeIds: readonly string[]; afterIds: readonly string[] };

/** Why a figure is withheld from a viewer. */
export const WITHHELD_REASONS = ['other_organization', 'running_contract', 'too_few_others', 'isolates_one', 'variant', 'what_if'] as const;
export type WithheldReason = (typeof WITHHELD_REASONS)[number];

export type Disclosure = { isShown: true } | { isShown: false; reason: WithheldReason };

/** French explanation of each reason, shown on screen and in files where the figure would be. */
export const WITHHELD_REASON_LABELS: Record<WithheldReason, string> = {
  other_organization: 'Montant d’un autre membre : il ne vous est pas communiqué.',
  running_contract: 'Montant d’un marché en cours ou prix actuel d’un autre membre : il reste confidentiel.',
  too_few_others: `Total non communiqué : moins de ${MIN_OTHER_CONTRIBUTORS} autres membres y contribuent, il révélerait le montant d’un autre membre.`,
  isolates_one: 'Total non communiqué : comparé à un autre total qui vous est montré, il révélerait le montant d’un seul autre membre.',
  variant:
    'Totaux montrés seulement par opportunité de l’analyse de référence (tous les besoins, classes CPV) : des totaux découpés autrement, comparés à ceux-ci, révéleraient les besoins d’un autre membre.',
  what_if:
    'Montants de la simulation non communiqués : la simulation change la participation d’un autre membre, l’écart révélerait son montant.',
};

const SHOWN: Disclosure = { isShown: true };
const withheld = (reason: WithheldReason): Disclosure => ({ isShown: false, reason });

/** The contributors that are not the viewer's own organizations, each once. */
function othersAmong(viewer: DisclosureViewer, ids: Iterable<string>): Set<string> {
  const others = new Set<string>();
  for (const id of ids) if (!actsFor(viewer, id)) others.add(id);
  return others;
}

/** Other organizations in exactly one of the two sets. */
function othersDiffering(viewer: DisclosureViewer, a: readonly string[], b: readonly string[]): Set<string> {
  const left = othersAmong(viewer, a);
  const right = othersAmong(viewer, b);
  const differing = new Set<string>();
  for (const id of left) if (!right.has(id)) differing.add(id);
  for (const id of right) if (!left.has(id)) differing.add(id);
  return differing;
}

function decideAggregate(viewer: DisclosureViewer, figure: Extract<Figure, { kind: 'aggregate' }>): Disclosure {
  if (figure.isVariant) return withheld('variant');
  if (othersAmong(viewer, figure.contributorIds).size < MIN_OTHER_CONTRIBUTORS) return withheld('too_few_others');
  for (const related of figure.relatedContributorIds ?? []) {
    const differing = othersDiffering(viewer, figure.contributorIds, related).size;
    if (differing > 0 && differing < MIN_OTHER_CONTRIBUTORS) return withheld('isolates_one');
  }
  return SHOWN;
}

/**
 * The one confidentiality rule: whether `viewer` may be shown `figure`. The staff sees every
 * figure; anybody else sees its own organizations' figures, the convention's figures of the
 * groupements it signs, and aggregates to which at least two other organizations contribute
 * (and whose difference with a related aggregate does not isolate one of them). Running-contract
 * amounts and current prices of another organization are never shown.
 */
export function decideDisclosure(viewer: DisclosureViewer, figure: Figure): Disclosure {
  if (viewer.kind === 'staff') return SHOWN;
  switch (figure.kind) {
    case 'organization':
      return actsFor(viewer, figure.organizationId) ? SHOWN : withheld('other_organization');
    case 'running_contract':
      return actsFor(viewer, figure.organizationId) ? SHOWN : withheld('running_contract');
    case 'convention':
      return actsFor(viewer, figure.organizationId) || figure.signatoryIds.some((id) => actsFor(viewer, id))
        ? SHOWN
        : withheld('other_organization');
    case 'aggregate':
      return decideAggregate(viewer, figure);
    case 'what_if': {
      const sides = [figure.beforeIds, figure.afterIds].filter((ids) => ids.length > 0);
      for (const ids of sides) {
        const side = decideAggregate(viewer, { kind: 'aggregate', contributorIds: ids });
        if (!side.isShown) return side;
      }
      return othersDiffering(viewer, figure.beforeIds, figure.afterIds).size === 0 ? SHOWN : withheld('what_if');
    }
  }
}

/** Whether the figure may be shown (`decideDisclosure(…).isShown`). */
export function canDisclose(viewer: DisclosureViewer, figure: Figure): boolean {
  return decideDisclosure(viewer, figure).isShown;
}

/** `value` when the figure may be shown, else null. */
export function disclosedOrNull<T>(viewer: DisclosureViewer, figure: Figure, value: T): T | null {
  return canDisclose(viewer, figure) ? value : null;
}

/** A withheld figure's reason as answers carry it (code and French sentence); null when shown. */
export function withheldReasonOf(decision: Disclosure): { code: WithheldReason; message: string } | null {
  return decision.isShown ? null : { code: decision.reason, message: WITHHELD_REASON_LABELS[decision.reason] };
}
