import type { IsoDate } from '../domain/types';

/** Dates a user records, each bounded to what can be true of it. */
export type RecordedDateField =
  | 'deliberationOn'
  | 'signedOn'
  | 'launchedOn'
  | 'plannedLaunchOn'
  | 'awardedOn'
  | 'awardStartOn'
  | 'notificationDate'
  | 'contractStartDate';

interface DateBounds {
  /** The subject of the reason (« La délibération… »). */
  subject: string;
  /** Feminine subject: « datée », « antérieure ». */
  isFeminine: boolean;
  /** Earliest plausible date: this many years before today. */
  yearsBack: number;
  /** Latest plausible date: this many years after today (0: a past fact, today at the latest). */
  yearsAhead: number;
}

/**
 * Per field: a recorded fact (a deliberation, a signature, a launch, an award, a notification) is
 * today at the latest — « 2099 » or « 9999 » is a typing slip — and at most 30 years old (50 for a
 * running contract's notification, whose renewals can last that long). Plans look ahead: a launch
 * within ten years, an execution within five.
 */
export const RECORDED_DATE_BOUNDS: Readonly<Record<RecordedDateField, DateBounds>> = {
  deliberationOn: { subject: 'La délibération', isFeminine: true, yearsBack: 30, yearsAhead: 0 },
  signedOn: { subject: 'La signature de la convention', isFeminine: true, yearsBack: 30, yearsAhead: 0 },
  launchedOn: { subject: 'Le lancement de la procédure', isFeminine: false, yearsBack: 30, yearsAhead: 0 },
  plannedLaunchOn: { subject: 'Le lancement prévu', isFeminine: false, yearsBack: 1, yearsAhead: 10 },
  awardedOn: { subject: 'L’attribution', isFeminine: true, yearsBack: 30, yearsAhead: 0 },
  awardStartOn: { subject: 'Le début d’exécution', isFeminine: false, yearsBack: 30, yearsAhead: 5 },
  notificationDate: { subject: 'La notification', isFeminine: true, yearsBack: 50, yearsAhead: 0 },
  contractStartDate: { subject: 'Le début d’exécution', isFeminine: false, yearsBack: 50, yearsAhead: 5 },
};

/** Why `value` cannot be true of `field` on `today`, in French; null when it is plausible. */
export function implausibleDateReason(field: RecordedDateField, value: IsoDate, today: IsoDate): string | null {
  const bounds = RECORDED_DATE_BOUNDS[field];
  const latest = addYears(today, bounds.yearsAhead);
  const earliest = addYears(today, -bounds.yearsBack);
  const e = bounds.isFeminine ? 'e' : '';
  if (value > latest) {
    return bounds.yearsAhead === 0
      ? `${bounds.subject} ne peut pas être daté${e} après aujourd’hui (${frenchDate(today)}) : ${frenchDate(value)} saisi.`
      : `${bounds.subject} ne peut pas être daté${e} après le ${frenchDate(latest)} : ${frenchDate(value)} saisi.`;
  }
  if (value < earliest) {
    return `${bounds.subject} ne peut pas être antérieur${e} au ${frenchDate(earliest)} (${bounds.yearsBack} an${bounds.yearsBack > 1 ? 's' : ''}) : ${frenchDate(value)} saisi.`;
  }
  return null;
}

/** Why consumption of month `period` (YYYY-MM) cannot be recorded on `today`: a month not begun yet. Null when it can. */
export function futureConsumptionReason(period: string, today: IsoDate): string | null {
  const current = today.slice(0, 7);
  return period > current ? `Le mois ${frenchMonth(period)} n’a pas commencé (nous sommes en ${frenchMonth(current)}).` : null;
}

/** `2026-12-06` → `06/12/2026`, as the French UI shows dates. */
export function frenchDate(iso: IsoDate): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}

function frenchMonth(period: string): string {
  const [year, month] = period.split('-');
  return `${month}/${year}`;
}

function addYears(iso: IsoDate, years: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.toISOString().slice(0, 10);
}
