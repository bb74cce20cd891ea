import { nameWithArticleFr } from '../french/name-with-article-fr';
import type { Cents, IsoDate, OrganizationKind } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import { PROCEDURE_LABELS_FR, type ProcedureKind } from '../procedure/procedure-kind';
import { procedureKindOfValue } from '../procedure/resolve-procedure';
import type { ThresholdTable } from '../procedure/threshold-table';
import { nonRenewalDeadline } from './contract-entry-window';
import { addDays, addMonths, diffDays, formatDateFr } from './iso-date';
import type { LeadTimes } from './lead-times';
import type { ContractExit, MemberEntryPlan } from './plan-member-entry';

/**
 * What covers the gap between the end of a running contract and the member's entry: an
 * amendment extending that contract when the gap is a small modification (R2194-8), else a
 * short bridge contract passed alone.
 */
export interface BridgeContract {
  form: 'amendment' | 'contract';
  /** The running contract(s) it follows: one for an amendment; the member's gaps in the family for a bridge contract. */
  contractIds: string[];
  references: string[];
  /** First day without the running contract. */
  from: IsoDate;
  /** The member's entry: the bridge ends the day before. */
  until: IsoDate;
  /** Length: whole months from `from`, then days. */
  months: number;
  days: number;
  amountCents: Cents;
  /** The procedure of that amount alone (form `contract`); null when no threshold version covers `from`. */
  procedureKind: ProcedureKind | null;
  thresholdVersionId: string | null;
  /** Last day to launch its consultation, place the order or sign the amendment so that it starts on `from`. */
  launchBy: IsoDate;
}

export interface MemberActionsOptions {
  member: { name: string; kind: OrganizationKind; annualAmountCents: Cents };
  plan: MemberEntryPlan;
  startDate: IsoDate;
  now: IsoDate;
  leadTimes: LeadTimes;
  thresholdTable: ThresholdTable;
  isWorks: boolean;
  /** Day after the last day of the pooled contract (every renewal used), null when unknown. */
  pooledEnd: IsoDate | null;
}

const DAYS_PER_YEAR = 365;

/** « 2 mois », « 11 jours », « 2 mois et 1 jour ». */
export function durationFr(months: number, days: number): string {
  const parts = [months > 0 ? `${months} mois` : '', days > 0 ? `${days} jour${days > 1 ? 's' : ''}` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(' et ') : '0 jour';
}

/** Whole months from `from` not passing `until`, then the days left. */
function lengthOf(from: IsoDate, until: IsoDate): { months: number; days: number } {
  let months = 0;
  while (addMonths(from, months + 1) <= until) months += 1;
  return { months, days: diffDays(addMonths(from, months), until) };
}

/** Share of the member's annual amount bought under each contract: pro rata of their yearly amounts, equal when unknown. */
function contractWeights(exits: readonly ContractExit[]): number[] {
  const yearly = exits.map((e) => e.window.annualisedCents);
  const total = yearly.reduce<number>((sum, y) => sum + (y ?? 0), 0);
  if (yearly.some((y) => y === null) || total <= 0) return exits.map(() => 1 / exits.length);
  return yearly.map((y) => (y ?? 0) / total);
}

/**
 * R2194-8: a modification below the EU threshold and below 10 % of the initial amount (15 % for
 * works) needs no new procedure; R2194-9 adds up successive ones, so the text reminds it.
 */
function isSmallModification(exit: ContractExit, amountCents: number, formalisedCents: number | null, isWorks: boolean): boolean {
  const initial = exit.window.amountCents;
  if (initial === null || formalisedCents === null) return false;
  return amountCents < formalisedCents && amountCents < initial * (isWorks ? 0.15 : 0.1);
}

interface Gap {
  exit: ContractExit;
  from: IsoDate;
  until: IsoDate;
  amountCents: number;
}

function gapOf(exit: ContractExit, weight: number, annualAmountCents: number): Gap | null {
  if (exit.bridgeUntil === null) return null;
  const amountCents = Math.round((annualAmountCents * weight * diffDays(exit.exit, exit.bridgeUntil)) / DAYS_PER_YEAR);
  return { exit, from: exit.exit, until: exit.bridgeUntil, amountCents };
}

function amendmentOf(gap: Gap, options: MemberActionsOptions): BridgeContract | null {
  const { member, thresholdTable, isWorks } = options;
  const threshold = procedureKindOfValue({
    valueCents: gap.amountCents,
    date: gap.from,
    table: thresholdTable,
    buyerKind: member.kind,
    isWorks,
  });
  if (!isSmallModification(gap.exit, gap.amountCents, threshold?.formalisedThresholdCents ?? null, isWorks)) return null;
  return {
    form: 'amendment',
    contractIds: [gap.exit.window.contractId],
    references: [gap.exit.window.reference],
    from: gap.from,
    until: gap.until,
    ...lengthOf(gap.from, gap.until),
    amountCents: gap.amountCents,
    procedureKind: null,
    thresholdVersionId: null,
    // Signed while the contract still runs: one month before its end.
    launchBy: addMonths(gap.from, -1),
  };
}

/** R2121-4, R2121-6: the gaps of one member in one family form one bridge contract, its procedure set by their total. */
function bridgeContractOf(gaps: readonly Gap[], options: MemberActionsOptions): BridgeContract | null {
  const [first] = gaps;
  if (first === undefined) return null;
  const { member, leadTimes, thresholdTable, isWorks } = options;
  const from = gaps.map((g) => g.from).sort()[0] ?? first.from;
  const amountCents = gaps.reduce((sum, g) => sum + g.amountCents, 0);
  const procedure = procedureKindOfValue({ valueCents: amountCents, date: from, table: thresholdTable, buyerKind: member.kind, isWorks });
  const lead = (procedure ? leadTimes.procedureDays[procedure.kind] : leadTimes.procedureDays.mapa) + leadTimes.awardToStartDays;
  return {
    form: 'contract',
    contractIds: gaps.map((g) => g.exit.window.contractId),
    references: gaps.map((g) => g.exit.window.reference),
    from,
    until: first.until,
    ...lengthOf(from, first.until),
    amountCents,
    procedureKind: procedure?.kind ?? null,
    thresholdVersionId: procedure?.thresholdVersionId ?? null,
    launchBy: addDays(from, -lead),
  };
}

function exitAction({ window: w, exit }: ContractExit): string {
  const end = formatDateFr(addDays(exit, -1));
  if (exit >= w.latestEntry) return `Le marché ${w.reference} s’achève le ${end}, toutes reconductions utilisées : aucune action.`;
  const notice = w.noticeMonths > 0 ? `préavis de ${w.noticeMonths} mois` : 'sans préavis';
  const deadline = formatDateFr(nonRenewalDeadline(exit, w.noticeMonths));
  if (exit === w.earliestEntry)
    return `Ne pas reconduire le marché ${w.reference} : notifier la non-reconduction avant le ${deadline} (${notice}), fin au ${end}. Sans coût.`;
  return `Laisser reconduire le marché ${w.reference} jusqu’au ${end}, puis ne pas le reconduire : notifier la non-reconduction avant le ${deadline} (${notice}). Sans coût.`;
}

function deadlineText(verb: string, launchBy: IsoDate, now: IsoDate): string {
  return launchBy < now
    ? `délai dépassé (${formatDateFr(launchBy)}) : à engager sans attendre`
    : `${verb} au plus tard le ${formatDateFr(launchBy)}`;
}

function bridgeAction(name: string, b: BridgeContract, now: IsoDate): string {
  const period = `du ${formatDateFr(b.from)} au ${formatDateFr(addDays(b.until, -1))}`;
  if (b.form === 'amendment')
    return `Prolonger le marché ${b.references.join(', ')} par avenant de ${durationFr(b.months, b.days)} (${period}), environ ${formatEuros(b.amountCents)} HT d’achats : modification de faible montant sans nouvelle procédure (R2194-8 : sous le seuil européen et sous 10 % du montant initial, avenants antérieurs compris, R2194-9) ; ${deadlineText('avenant à signer', b.launchBy, now)}.`;
  const procedure = b.procedureKind
    ? `${PROCEDURE_LABELS_FR[b.procedureKind]} selon ce seul montant (seuils « ${b.thresholdVersionId} »)`
    : 'procédure selon ce seul montant (seuils à vérifier)';
  const verb = b.procedureKind === 'dispense' ? 'à commander' : 'consultation à lancer';
  return `Marché relais de ${durationFr(b.months, b.days)} pour ${nameWithArticleFr(name)} (${period}, à la suite de ${b.references.join(', ')}), environ ${formatEuros(b.amountCents)} HT : ${procedure} ; ${deadlineText(verb, b.launchBy, now)}.`;
}

function entryAction(plan: MemberEntryPlan, startDate: IsoDate): string {
  const { joinDate, exits } = plan;
  if (joinDate === startDate)
    return exits.length === 0
      ? `Aucun marché en cours dans la famille : entre dans l’accord-cadre dès son démarrage, le ${formatDateFr(startDate)}.`
      : `Entre dans l’accord-cadre dès son démarrage, le ${formatDateFr(startDate)}.`;
  const why = exits.length === 0 ? 'à la date qu’il a choisie' : 'à l’échéance de son marché en cours';
  return `Entrée différée le ${formatDateFr(joinDate)}, ${why} : membre du groupement dès la signature de la convention, compté dans la valeur estimée et les seuils ; sa date de début d’exécution est inscrite dans la consultation.`;
}

/** What a member must do, and by when, to enter the pooled contract on its date, in French, with the bridges it needs. */
export function memberActions(options: MemberActionsOptions): { actions: string[]; bridges: BridgeContract[] } {
  const { member, plan, startDate, now, pooledEnd } = options;
  const actions = [entryAction(plan, startDate)];
  const weights = contractWeights(plan.exits);
  const bridges: BridgeContract[] = [];
  const toBridge: Gap[] = [];
  plan.exits.forEach((exit, i) => {
    actions.push(exitAction(exit));
    const gap = gapOf(exit, weights[i] ?? 0, member.annualAmountCents);
    if (gap === null) return;
    const amendment = amendmentOf(gap, options);
    if (amendment === null) {
      toBridge.push(gap);
      return;
    }
    bridges.push(amendment);
    actions.push(bridgeAction(member.name, amendment, now));
  });
  const bridge = bridgeContractOf(toBridge, options);
  if (bridge) {
    bridges.push(bridge);
    actions.push(bridgeAction(member.name, bridge, now));
  }
  if (pooledEnd !== null && plan.joinDate >= pooledEnd)
    actions.push(
      `Attention : cette entrée tombe après la fin de l’accord-cadre mutualisé (${formatDateFr(addDays(pooledEnd, -1))}) ; ${member.name} n’y entrera qu’en résiliant son marché en cours : à retirer de cette procédure ou à prévoir pour la suivante.`,
    );
  return { actions, bridges };
}
