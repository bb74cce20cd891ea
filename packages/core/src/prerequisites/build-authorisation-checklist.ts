import type { IsoDate } from '../domain/types';
import type { ProductPrerequisite } from './product-prerequisites';

/** One step of the local chain's checklist: what to obtain, from whom, by when. */
export interface ChecklistItem {
  code: string;
  labelFr: string;
  kind: ProductPrerequisite['kind'];
  authority: string | null;
  usualDelayDays: number;
  delayNote: string;
  article: string;
  source: string;
  /** Firms whose competences show they hold it, or for a product-specific step can prepare it. */
  heldBy: string[];
  /** `held`: a local firm already holds it; `to_obtain`: nobody does, or it concerns the new product itself. */
  status: 'held' | 'to_obtain';
  /** Latest date to start obtaining it so that it is in hand on the target date: target − usual delay. */
  deadline: IsoDate;
  /** The deadline is already past at `now`. */
  isLate: boolean;
}

export interface BuildAuthorisationChecklistOptions {
  prerequisites: readonly ProductPrerequisite[];
  firms: readonly { name: string; competences: readonly string[] }[];
  /** When the product must be ready: the start of execution of the pooled contract. */
  targetDate: IsoDate;
  now: IsoDate;
}

/** The authorisations and capabilities a local chain needs, with who already holds each and the date to start each step. */
export function buildAuthorisationChecklist(options: BuildAuthorisationChecklistOptions): ChecklistItem[] {
  const { prerequisites, firms, targetDate, now } = options;
  return prerequisites.map((p) => {
    const heldBy = firms.filter((f) => p.metByCompetences.some((c) => f.competences.includes(c))).map((f) => f.name);
    const deadline = addDays(targetDate, -p.usualDelayDays);
    const status = heldBy.length > 0 && !p.isProductSpecific ? 'held' : 'to_obtain';
    return {
      code: p.code,
      labelFr: p.labelFr,
      kind: p.kind,
      authority: p.authority,
      usualDelayDays: p.usualDelayDays,
      delayNote: p.delayNote,
      article: p.article,
      source: p.source,
      heldBy,
      status,
      deadline,
      isLate: status === 'to_obtain' && deadline < now,
    };
  });
}

function addDays(date: IsoDate, days: number): IsoDate {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}
