import { addMonths, formatDateFr } from '../calendar/iso-date';
import { formatEuros } from '../census/decimal';
import { countFr } from '../french/count-fr';
import type { NameRepair } from '../identity/repair-broken-name';
import type { DecpAmendment, DecpAward } from './decp-award';

/** How each kind of line begins: the line quoting amounts (see `withoutDecpAmounts`), and those an edit can make untrue (see `decpProvenanceAfterEdit`). */
const AMOUNT_LINE_START = 'Montant HT porté de';
const ESTIMATED_START_LINE_START = 'Date de début estimée au';
const DURATION_LINE_START = 'Durée portée de';
const HOLDER_LINE_START = 'Titulaire';
const OBJET_LINE_START = 'Objet publié avec des accents perdus';
/** Begins as the holder line: a member's edit of the holder makes it untrue too. */
const HOLDER_REPAIR_LINE_START = `${HOLDER_LINE_START} publié avec des accents perdus`;
/** The restored words an objet line quotes, the others counted. */
const QUOTED_REPAIRS = 3;

/**
 * Why an imported contract's start, end, amount and holders are what they are, in French for the
 * buyer: an estimated start date, and each value an amendment changed (which amendment, from what
 * to what). Empty when the record is taken as first published. The DECP import stores these lines
 * with the contract (`RunningContract.decpProvenance`).
 */
export function explainDecpProvenance(award: DecpAward): string[] {
  const lines: string[] = [];
  if (award.startDateSource === 'publication') {
    lines.push(
      `${ESTIMATED_START_LINE_START} ${formatDateFr(award.startDate)} : le marché ne publie pas de date de notification, ` +
        'c’est la date de publication de ses données (la notification la précède en principe de deux mois au plus).',
    );
  }
  const duration = latestStating(award.amendments, 'durationMonths');
  if (duration !== null && award.durationMonths !== award.initialDurationMonths) {
    const initialEnd = addMonths(award.startDate, award.initialDurationMonths);
    lines.push(
      `${DURATION_LINE_START} ${award.initialDurationMonths} à ${award.durationMonths} mois par ${nameOf(duration)} : ` +
        `fin au ${formatDateFr(award.endDate)} au lieu du ${formatDateFr(initialEnd)}.`,
    );
  }
  const amount = latestStating(award.amendments, 'amountCents');
  if (amount !== null && award.amountCents !== award.initialAmountCents) {
    const initial = award.initialAmountCents === null ? 'non publié' : formatEuros(award.initialAmountCents);
    lines.push(`${AMOUNT_LINE_START} ${initial} à ${formatEuros(award.amountCents as number)} par ${nameOf(amount)}.`);
  }
  const holders = latestStating(award.amendments, 'holders');
  if (holders !== null) {
    const names = award.holders.map((h) => h.name ?? `${h.idType} ${h.id}`).join(', ');
    lines.push(`${HOLDER_LINE_START}${award.holders.length > 1 ? 's' : ''} selon ${nameOf(holders)} : ${names}.`);
  }
  if (award.brokenObjet !== null) lines.push(explainRepairs(OBJET_LINE_START, award.objetRepairs, award.objet.includes('\uFFFD')));
  if (award.holderRepairs.length > 0) {
    const isStillBroken = award.holders.some((h) => h.name?.includes('\uFFFD') ?? false);
    lines.push(explainRepairs(HOLDER_REPAIR_LINE_START, award.holderRepairs, isStillBroken));
  }
  return lines;
}

/**
 * « Objet publié avec des accents perdus (« � ») : « R�habilitation » lu « Réhabilitation », « 2019 � 2022 » lu
 * « 2019 à 2022 » et 3 autres, les mots d’après les libellés CPV et les noms de lieux officiels, « N° » et « à »
 * d’après les nombres qui les entourent ; les autres « � » restent tels que publiés. »
 */
function explainRepairs(start: string, repairs: readonly NameRepair[], isStillBroken: boolean): string {
  const quoted = repairs.slice(0, QUOTED_REPAIRS).map((r) => `« ${r.broken} » lu « ${r.repaired} »`);
  const others = repairs.length - quoted.length;
  const more = others === 0 ? '' : ` et ${countFr(others, 'autre')}`;
  const sources: string[] = [];
  if (repairs.some((r) => r.source === 'vocabulary')) sources.push('les mots d’après les libellés CPV et les noms de lieux officiels');
  if (repairs.some((r) => r.source === 'numero' || r.source === 'range'))
    sources.push('« N° » et « à » d’après les nombres qui les entourent');
  if (repairs.some((r) => r.source === 'preposition')) sources.push('« à » d’après le mot qui le suit dans les libellés CPV');
  const left = isStillBroken ? ' ; les autres « \uFFFD » restent tels que publiés' : '';
  return `${start} (« \uFFFD ») : ${quoted.join(', ')}${more}, ${sources.join(', ')}${left}.`;
}

/** The amendment that gave the current value of `key` (the last of the applying order that states it). */
function latestStating(amendments: readonly DecpAmendment[], key: 'durationMonths' | 'amountCents' | 'holders'): DecpAmendment | null {
  for (let i = amendments.length - 1; i >= 0; i -= 1) {
    const amendment = amendments[i] as DecpAmendment;
    if (amendment[key] !== null) return amendment;
  }
  return null;
}

/** « la modification n° 2 du 10 janvier 2020 (modifications[1]) ». */
function nameOf(amendment: DecpAmendment): string {
  const id = amendment.id === null ? '' : ` n° ${amendment.id}`;
  const date = amendment.date === null ? '' : ` du ${formatDateFr(amendment.date)}`;
  return `la modification${id}${date} (modifications[${amendment.index}])`;
}

/** The provenance a caller who may not see the contract's prices is shown: without the line quoting amounts. */
export function withoutDecpAmounts(lines: readonly string[]): string[] {
  return lines.filter((line) => !line.startsWith(AMOUNT_LINE_START));
}

/** The contract values the provenance lines speak of. */
export interface DecpExplainedValues {
  startDate: string;
  notificationDate: string | null;
  durationMonths: number;
  amountCents: number | null;
  holderSiret: string | null;
  holderName: string | null;
  label: string;
}

/**
 * The provenance lines still true once a member edited the contract by hand: a line goes when a
 * value it speaks of changed (the estimated start: start or notification date; the amended
 * duration and the end it gives: duration or start date; the amended amount: amount; the holders
 * named by an amendment: holder; the restored accents of the objet: label). The others stay; a re-import writes them all again.
 */
export function decpProvenanceAfterEdit(lines: readonly string[], before: DecpExplainedValues, after: DecpExplainedValues): string[] {
  const startChanged = before.startDate !== after.startDate;
  const untrue: [string, boolean][] = [
    [ESTIMATED_START_LINE_START, startChanged || before.notificationDate !== after.notificationDate],
    [DURATION_LINE_START, startChanged || before.durationMonths !== after.durationMonths],
    [AMOUNT_LINE_START, before.amountCents !== after.amountCents],
    [HOLDER_LINE_START, before.holderSiret !== after.holderSiret || before.holderName !== after.holderName],
    [OBJET_LINE_START, before.label !== after.label],
  ];
  return lines.filter((line) => !untrue.some(([start, changed]) => changed && line.startsWith(start)));
}

/** What an import restored of the texts published with their accents lost: contracts whose objet, and whose holders' names, it repaired. */
export interface DecpTextRepairCounts {
  objets: number;
  holders: number;
}

/**
 * « Accents perdus à la publication rétablis dans 2 333 objets et 98 noms de titulaires (mots sûrs
 * seulement ; chaque marché dit lesquels). », or '' when nothing was repaired (or for an import
 * stored before the counts existed).
 */
export function describeDecpTextRepairs(counts: DecpTextRepairCounts | undefined): string {
  if (counts === undefined || counts.objets + counts.holders === 0) return '';
  const parts = [
    ...(counts.objets === 0 ? [] : [countFr(counts.objets, 'objet')]),
    ...(counts.holders === 0 ? [] : [countFr(counts.holders, 'nom de titulaire', 'noms de titulaires')]),
  ];
  return `Accents perdus à la publication rétablis dans ${parts.join(' et ')} (mots sûrs seulement ; chaque marché dit lesquels).`;
}
