import type { Cents, IsoDate, OrganizationKind, RunningContract } from '../domain/types';
import type { ProcedureKind } from '../procedure/procedure-kind';
import { type BackwardScheduleOptions, backwardSchedule, type ScheduleStep } from './backward-schedule';
import { type ContractEntryWindow, contractEntryWindow } from './contract-entry-window';
import { addDays, addMonths, formatDateFr } from './iso-date';
import { type LeadTimes, totalLeadDays } from './lead-times';
import { memberActions, noContractAction } from './member-actions';

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
  toleranceDays: number;
  /** Share of the pooled value that must be able to join for the start date (0 < share ≤ 1). */
  quorumShare: number;
  /** Months by which a member postpones its entry (scenario « reporte »). */
  delayMonths?: Readonly<Record<string, number>>;
}

export type WaveKind = 'start' | 'later';

export interface MemberEntry {
  organizationId: string;
  earliestEntry: IsoDate;
  /** Null when the member has no running contract (no upper bound). */
  latestEntry: IsoDate | null;
  wave: WaveKind;
  joinDate: IsoDate;
  bridgeMonths: number;
  actions: string[];
}

export interface Wave {
  kind: WaveKind;
  date: IsoDate;
  organizationIds: string[];
}

export interface CalendarResult {
  startDate: IsoDate;
  /** now + the total lead time of the procedure: no start can precede it. */
  minStartDate: IsoDate;
  waves: Wave[];
  members: MemberEntry[];
  schedule: ScheduleStep[];
  explanation: string;
}

function shiftWindow(w: ContractEntryWindow, months: number): ContractEntryWindow {
  if (months === 0) return w;
  const shift = (d: IsoDate) => addMonths(d, months);
  return { ...w, earliestEntry: shift(w.earliestEntry), latestEntry: shift(w.latestEntry), exitDates: w.exitDates.map(shift) };
}

/**
 * Start t is the earliest date ≥ now + lead at which members holding the quorum share of the
 * pooled value can join (E − tolerance ≤ t). A pure « maximise the value joining at t » rule
 * breaks the invariant that postponing a member never moves t earlier (a postponed member can
 * newly overlap an early group); the quorum rule keeps it, since E only grows.
 */
function chooseStart(
  entries: readonly { floor: IsoDate; member: { annualAmountCents: number } }[],
  minStart: IsoDate,
  quorum: number,
): IsoDate {
  let total = 0;
  for (const x of entries) total += x.member.annualAmountCents;
  const target = quorum * (total > 0 ? total : entries.length);
  // Value (or head count) per floor date: members without contracts share one floor, so few dates remain to sort.
  const byFloor = new Map<IsoDate, number>();
  for (const x of entries) byFloor.set(x.floor, (byFloor.get(x.floor) ?? 0) + (total > 0 ? x.member.annualAmountCents : 1));
  const floors = [...byFloor.keys()].sort(cmp);
  let cumulative = 0;
  for (const floor of floors) {
    cumulative += byFloor.get(floor) as number;
    if (cumulative >= target - 1e-9) return maxDate(minStart, floor);
  }
  return floors.length > 0 ? maxDate(minStart, floors.at(-1) as IsoDate) : minStart;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);

/** Members by organization id (already sorted when they come from an opportunity: no copy then). */
function sortedById<T extends { organizationId: string }>(members: readonly T[]): readonly T[] {
  for (let i = 1; i < members.length; i += 1) {
    if (cmp((members[i - 1] as T).organizationId, (members[i] as T).organizationId) > 0)
      return [...members].sort((a, b) => cmp(a.organizationId, b.organizationId));
  }
  return members;
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

/** Proposes the common start date, the waves, each member's actions and the backward schedule. */
export function alignCalendar(options: AlignCalendarOptions): CalendarResult {
  const { members, contracts, now, procedureKind, leadTimes, toleranceDays, quorumShare, delayMonths = {} } = options;
  const minStartDate = addDays(now, totalLeadDays(leadTimes, procedureKind));
  const contractsOf = new Map<string, RunningContract[]>();
  for (const c of contracts) {
    const list = contractsOf.get(c.organizationId);
    if (list) list.push(c);
    else contractsOf.set(c.organizationId, [c]);
  }
  const floorWithoutDelay = addMonths(minStartDate, 0);
  // Most members have no running contract in the family and no postponement: same dates for all.
  const plainFloor = addDays(floorWithoutDelay, -toleranceDays);
  const perMember = sortedById(members).map((m) => {
    const delay = delayMonths[m.organizationId] ?? 0;
    const windows = windowsOf(contractsOf.get(m.organizationId), now, delay);
    if (windows.length === 0 && delay === 0) return { member: m, windows, e: floorWithoutDelay, l: null, floor: plainFloor };
    let e = delay === 0 ? floorWithoutDelay : addMonths(minStartDate, delay);
    for (const w of windows) e = maxDate(e, w.earliestEntry);
    const l = windows.length === 0 ? null : windows.reduce((acc, w) => maxDate(acc, w.latestEntry), windows[0]?.latestEntry ?? e);
    // E − tolerance: the member can join any start from this date on.
    return { member: m, windows, e, l, floor: addDays(e, -toleranceDays) };
  });
  const startDate = chooseStart(perMember, minStartDate, quorumShare);
  // Texts shared by members in the same situation (built once per date, not once per member).
  const laterTexts = new Map<IsoDate, string>();
  let noContractText: string | undefined;
  const entries = perMember.map(({ member, windows, e, l, floor }): MemberEntry => {
    const isStart = floor <= startDate;
    if (!isStart) {
      let action = laterTexts.get(e);
      if (action === undefined) {
        action = `Rejoint une vague ultérieure à partir du ${formatDateFr(e)} : un marché lancé ne peut accueillir de membre tardif (Rép. min. n°100136, JO AN 17 mai 2011) ; prévoir une nouvelle procédure ou la reconduction suivante.`;
        laterTexts.set(e, action);
      }
      return {
        organizationId: member.organizationId,
        earliestEntry: e,
        latestEntry: l,
        wave: 'later',
        joinDate: e,
        bridgeMonths: 0,
        actions: [action],
      };
    }
    if (windows.length === 0) {
      noContractText ??= noContractAction(startDate);
      return {
        organizationId: member.organizationId,
        earliestEntry: e,
        latestEntry: l,
        wave: 'start',
        joinDate: startDate,
        bridgeMonths: 0,
        actions: [noContractText],
      };
    }
    const { actions, bridgeMonths } = memberActions({
      name: member.name,
      annualAmountCents: member.annualAmountCents,
      windows,
      startDate,
      toleranceDays,
    });
    return {
      organizationId: member.organizationId,
      earliestEntry: e,
      latestEntry: l,
      wave: 'start',
      joinDate: startDate,
      bridgeMonths,
      actions,
    };
  });
  const startIds = entries.filter((x) => x.wave === 'start').map((x) => x.organizationId);
  const later = entries.filter((x) => x.wave === 'later');
  const waves: Wave[] = [{ kind: 'start', date: startDate, organizationIds: startIds }];
  if (later.length > 0) {
    // ISO dates compare as strings: the earliest join date of the later wave.
    let date = later[0]?.joinDate ?? startDate;
    for (const x of later) if (x.joinDate < date) date = x.joinDate;
    waves.push({ kind: 'later', date, organizationIds: later.map((x) => x.organizationId) });
  }
  const startSet = new Set(startIds);
  const scheduleMembers: BackwardScheduleOptions['members'] = members.filter((m) => startSet.has(m.organizationId));
  const schedule = backwardSchedule({ startDate, procedureKind, leadTimes, members: scheduleMembers });
  const explanation =
    `Démarrage proposé le ${formatDateFr(startDate)} (au plus tôt le ${formatDateFr(minStartDate)} compte tenu des délais) : ` +
    `${startIds.length} membre(s) au démarrage, ${later.length} en vague ultérieure ; tolérance de ${toleranceDays} jours, quorum ${Math.round(quorumShare * 100)} % de la valeur.`;
  return { startDate, minStartDate, waves, members: entries, schedule, explanation };
}
