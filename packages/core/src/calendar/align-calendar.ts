import { countFr } from '../french/count-fr';
import type { Cents, IsoDate, OrganizationKind, RunningContract } from '../domain/types';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { THRESHOLD_TABLE, type ThresholdTable } from '../procedure/threshold-table';
import { backwardSchedule, type ScheduleStep } from './backward-schedule';
import { type ContractEntryWindow, contractEntryWindow } from './contract-entry-window';
import { addDays, addMonths, formatDateFr } from './iso-date';
import { type LeadTimes, totalLeadDays } from './lead-times';
import { type BridgeContract, memberActions } from './member-actions';
import { planMemberEntry } from './plan-member-entry';

export interface CalendarMember {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
  annualAmountCents: Cents;
}

export interface AlignCalendarOptions {
  members: readonly CalendarMember[];
  /** Running contracts of these members in the family. */
  contracts: readonly RunningContract[];
  now: IsoDate;
  procedureKind: ProcedureKind;
  leadTimes: LeadTimes;
  /** Longest deferral of a member's entry after the start preferred to a bridge contract. */
  toleranceDays: number;
  /** Share of the pooled value that must be able to enter for the start date (0 < share ≤ 1). */
  quorumShare: number;
  /** Months by which a member postpones its entry (scenario « reporte »). */
  delayMonths?: Readonly<Record<string, number>>;
  /** Months of the pooled contract, every renewal included: a member entering after its end is flagged. */
  termMonths?: number;
  /** Thresholds that set each bridge contract's procedure (default: the shipped table). */
  thresholdTable?: ThresholdTable;
  isWorks?: boolean;
}

/** `start`: enters on the start date; `later`: deferred entry (entrée différée) into the same procedure. */
export type WaveKind = 'start' | 'later';

export interface MemberEntry {
  organizationId: string;
  /** First date the member can enter: its running contracts' first reachable exits (notice respected). */
  earliestEntry: IsoDate;
  /** Null when the member has no running contract (no upper bound). */
  latestEntry: IsoDate | null;
  wave: WaveKind;
  /** The member's own start of execution, written in the consultation; never before `earliestEntry` unless bridged. */
  joinDate: IsoDate;
  /** Longest bridge, in months rounded up (0: none). */
  bridgeMonths: number;
  bridges: BridgeContract[];
  /** True when the entry falls after the end of the pooled contract. */
  isBeyondTerm: boolean;
  actions: string[];
}

/** Members entering on one date; every wave belongs to the one procedure. */
export interface Wave {
  kind: WaveKind;
  date: IsoDate;
  organizationIds: string[];
}

export interface CalendarResult {
  startDate: IsoDate;
  /** now + the total lead time of the procedure: no start can precede it. */
  minStartDate: IsoDate;
  /** The start wave first, then one wave per later entry date. */
  waves: Wave[];
  members: MemberEntry[];
  schedule: ScheduleStep[];
  explanation: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/**
 * Start t is the earliest date ≥ now + lead at which members holding the quorum share of the
 * pooled value can enter (E ≤ t). E only grows when a member postpones, so t never moves earlier.
 */
function chooseStart(entries: readonly { floor: IsoDate; value: number }[], minStart: IsoDate, quorum: number): IsoDate {
  let total = 0;
  for (const x of entries) total += x.value;
  const target = quorum * (total > 0 ? total : entries.length);
  // Value (or head count) per floor date: members without contracts share one floor, so few dates remain to sort.
  const byFloor = new Map<IsoDate, number>();
  for (const x of entries) byFloor.set(x.floor, (byFloor.get(x.floor) ?? 0) + (total > 0 ? x.value : 1));
  const floors = [...byFloor.keys()].sort(cmp);
  let cumulative = 0;
  for (const floor of floors) {
    cumulative += byFloor.get(floor) as number;
    if (cumulative >= target - 1e-9) return maxDate(minStart, floor);
  }
  return floors.length > 0 ? maxDate(minStart, floors.at(-1) as IsoDate) : minStart;
}

/** Members by organization id (already sorted when they come from an opportunity: no copy then). */
function sortedById<T extends { organizationId: string }>(members: readonly T[]): readonly T[] {
  for (let i = 1; i < members.length; i += 1) {
    if (cmp((members[i - 1] as T).organizationId, (members[i] as T).organizationId) > 0)
      return [...members].sort((a, b) => cmp(a.organizationId, b.organizationId));
  }
  return members;
}

function shiftWindow(w: ContractEntryWindow, months: number): ContractEntryWindow {
  if (months === 0) return w;
  const shift = (d: IsoDate) => addMonths(d, months);
  return { ...w, earliestEntry: shift(w.earliestEntry), latestEntry: shift(w.latestEntry), exitDates: w.exitDates.map(shift) };
}

/** Entry windows of a member's running contracts that have not ended, shifted by its postponement, by contract id. */
function windowsOf(contracts: readonly RunningContract[] | undefined, now: IsoDate, delay: number): ContractEntryWindow[] {
  if (contracts === undefined) return [];
  const windows: ContractEntryWindow[] = [];
  for (const c of contracts) {
    const w = contractEntryWindow(c, now);
    if (!w.hasEnded) windows.push(shiftWindow(w, delay));
  }
  return windows.length > 1 ? windows.sort((a, b) => cmp(a.contractId, b.contractId)) : windows;
}

/** Start wave first, then one wave per later entry date. */
function wavesOf(entries: readonly MemberEntry[], startDate: IsoDate): Wave[] {
  const byDate = new Map<IsoDate, string[]>([[startDate, []]]);
  for (const e of entries) {
    const list = byDate.get(e.joinDate);
    if (list) list.push(e.organizationId);
    else byDate.set(e.joinDate, [e.organizationId]);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([date, organizationIds]) => ({ kind: date === startDate ? 'start' : 'later', date, organizationIds }));
}

function explain(result: Omit<CalendarResult, 'explanation' | 'schedule'>, options: AlignCalendarOptions): string {
  const { startDate, minStartDate, members } = result;
  const later = members.filter((m) => m.wave === 'later').length;
  const bridges = members.reduce((n, m) => n + m.bridges.length, 0);
  return (
    `Démarrage proposé le ${formatDateFr(startDate)} (au plus tôt le ${formatDateFr(minStartDate)} compte tenu des délais) : ` +
    `date à laquelle les membres portant au moins ${Math.round(options.quorumShare * 100)} % de la valeur peuvent entrer. ` +
    `Une seule procédure : les ${members.length} membres signent la convention avant le lancement et sont comptés dans la valeur estimée ; ` +
    `${members.length - later} ${members.length - later > 1 ? 'entrent' : 'entre'} au démarrage, ${later} à l’échéance de leur marché en cours (entrée différée, date inscrite dans la consultation)` +
    `${bridges > 0 ? ` ; ${countFr(bridges, 'marché relais proposé', 'marchés relais proposés')}` : ''}. ` +
    `Aucun membre n’entre avant la fin qu’il peut atteindre de son marché en cours (préavis respecté) sans marché relais ; ` +
    `un membre libre avant le démarrage attend jusqu’à ${options.toleranceDays} jours une échéance plutôt qu’un marché relais.`
  );
}

/** Proposes the start date, each member's own entry date and actions, and the backward schedule of the one procedure. */
export function alignCalendar(options: AlignCalendarOptions): CalendarResult {
  const { members, contracts, now, procedureKind, leadTimes, toleranceDays, quorumShare, delayMonths = {} } = options;
  const minStartDate = addDays(now, totalLeadDays(leadTimes, procedureKind));
  const contractsOf = new Map<string, RunningContract[]>();
  for (const c of contracts) {
    const list = contractsOf.get(c.organizationId);
    if (list) list.push(c);
    else contractsOf.set(c.organizationId, [c]);
  }
  const perMember = sortedById(members).map((member) => {
    const delay = delayMonths[member.organizationId] ?? 0;
    const windows = windowsOf(contractsOf.get(member.organizationId), now, delay);
    // A postponing member enters no earlier than its postponement from the earliest start.
    const postponedFloor = delay === 0 ? null : addMonths(minStartDate, delay);
    let earliest = postponedFloor ?? (windows.length === 0 ? minStartDate : (windows[0] as ContractEntryWindow).earliestEntry);
    for (const w of windows) earliest = maxDate(earliest, w.earliestEntry);
    return { member, windows, earliest, postponedFloor };
  });
  const startDate = chooseStart(
    perMember.map((x) => ({ floor: x.earliest, value: x.member.annualAmountCents })),
    minStartDate,
    quorumShare,
  );
  const pooledEnd = options.termMonths === undefined ? null : addMonths(startDate, options.termMonths);
  const entries = perMember.map(({ member, windows, earliest, postponedFloor }): MemberEntry => {
    const plan = planMemberEntry({ windows, startDate, floor: postponedFloor ?? startDate, toleranceDays });
    const { actions, bridges } = memberActions({
      member,
      plan,
      startDate,
      now,
      leadTimes,
      thresholdTable: options.thresholdTable ?? THRESHOLD_TABLE,
      isWorks: options.isWorks ?? false,
      pooledEnd,
    });
    return {
      organizationId: member.organizationId,
      earliestEntry: earliest,
      latestEntry:
        windows.length === 0
          ? null
          : windows.reduce((acc, w) => maxDate(acc, w.latestEntry), (windows[0] as ContractEntryWindow).latestEntry),
      wave: plan.joinDate === startDate ? 'start' : 'later',
      joinDate: plan.joinDate,
      bridgeMonths: bridges.reduce((m, b) => Math.max(m, b.months + (b.days > 0 ? 1 : 0)), 0),
      bridges,
      isBeyondTerm: pooledEnd !== null && plan.joinDate >= pooledEnd,
      actions,
    };
  });
  // L2113-7: every member signs the convention before the launch, whatever its entry date.
  const schedule = backwardSchedule({ startDate, procedureKind, leadTimes, members });
  const partial = { startDate, minStartDate, waves: wavesOf(entries, startDate), members: entries };
  return { ...partial, schedule, explanation: explain(partial, options) };
}
