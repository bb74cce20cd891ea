import { contractEntryWindow, nonRenewalDeadline } from '../calendar/contract-entry-window';
import { addDays, addMonths, formatDateFr } from '../calendar/iso-date';
import { isDecpContractDated } from '../decp/decp-flag-status';
import { GROUPEMENT_STATUSES, type Cents, type GroupementStatus, type IsoDate, type RunningContract } from '../domain/types';
import type { SavingsRange } from '../savings/estimate-savings';
import { PRE_LAUNCH_STATUSES } from './lifecycle-types';
import type { SavingsTotals } from './compute-savings-pipeline';

/** A lot's holder and what the groupement committed to spend with it each year. */
export interface DashboardAward {
  lotLabel: string;
  holderName: string;
  /** Département of the holder's establishment; null when unknown. */
  holderDepartementCode: string | null;
  holderIsSme: boolean;
  committedSpendCents: Cents;
  endOn: IsoDate;
}

/** A member's running contract of the groupement's family: the member must stop it to buy through the groupement. */
export interface DashboardMemberContract {
  organizationName: string;
  contract: RunningContract;
}

/** One groupement as the territory dashboard reads it. */
export interface DashboardGroupement {
  id: string;
  name: string;
  familyName: string;
  status: GroupementStatus;
  plannedLaunchOn: IsoDate | null;
  /** Null before the first launch (nothing is pooled yet). */
  savings: SavingsTotals | null;
  awards: DashboardAward[];
  /** Running contracts of its members in its family (their non-renewal notices fall due on the calendar). */
  memberContracts?: readonly DashboardMemberContract[];
}

export const CALENDAR_EVENT_KINDS = ['launch', 'contract_end', 'non_renewal_notice', 'member_contract_end'] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];

export interface CalendarEvent {
  kind: CalendarEventKind;
  on: IsoDate;
  groupementId: string;
  groupementName: string;
  label: string;
}

export interface TerritoryDashboard {
  now: IsoDate;
  pooledSpendCents: Cents;
  /**
   * Committed and realised savings are null when some launched groupement's cannot be computed
   * (never shown as 0): `…KnownCents` sums those that can, `…Unknown` names the groupements and why.
   */
  savings: {
    estimated: SavingsRange;
    committedCents: Cents | null;
    committedKnownCents: Cents;
    committedUnknown: string | null;
    realisedCents: Cents | null;
    realisedKnownCents: Cents;
    realisedUnknown: string | null;
  };
  awardedSpendCents: Cents;
  localSpendCents: Cents;
  smeSpendCents: Cents;
  /** Shares of the awarded spend, 0..1; null when nothing is awarded. */
  localShare: number | null;
  smeShare: number | null;
  byStatus: { status: GroupementStatus; count: number }[];
  calendar: CalendarEvent[];
}

export interface SummariseDashboardOptions {
  now: IsoDate;
  /** Départements of the territory: a holder established there is a local firm. */
  departementCodes: readonly string[];
  groupements: readonly DashboardGroupement[];
}

/**
 * The next decision each member's running contract of the family asks for: the last day to notify
 * its non-renewal (otherwise it renews tacitly for one more period), or its end when no renewal is
 * left. Contracts whose dates are stand-ins (undated DECP records) stay out, as in every calendar.
 */
function memberContractEvents(now: IsoDate, g: DashboardGroupement): CalendarEvent[] {
  return (g.memberContracts ?? []).flatMap(({ organizationName, contract }): CalendarEvent[] => {
    if (!isDecpContractDated(contract)) return [];
    const window = contractEntryWindow(contract, now);
    const exit = window.exitDates[0];
    if (window.hasEnded || exit === undefined) return [];
    const base = { groupementId: g.id, groupementName: g.name };
    const end = formatDateFr(addDays(exit, -1));
    if (exit < window.latestEntry) {
      return [
        {
          ...base,
          kind: 'non_renewal_notice',
          on: nonRenewalDeadline(exit, window.noticeMonths),
          label: `Préavis de non-reconduction du marché ${contract.reference} (${organizationName}) : dernier jour pour le notifier, fin au ${end}`,
        },
      ];
    }
    return [
      {
        ...base,
        kind: 'member_contract_end',
        on: addDays(exit, -1),
        label: `Fin du marché en cours ${contract.reference} (${organizationName}), toutes reconductions utilisées`,
      },
    ];
  });
}

function calendarOf(now: IsoDate, groupements: readonly DashboardGroupement[]): CalendarEvent[] {
  const horizon = addMonths(now, 12);
  const inWindow = (on: IsoDate) => on >= now && on <= horizon;
  const launches = groupements.flatMap((g): CalendarEvent[] =>
    PRE_LAUNCH_STATUSES.includes(g.status) && g.plannedLaunchOn !== null && inWindow(g.plannedLaunchOn)
      ? [{ kind: 'launch', on: g.plannedLaunchOn, groupementId: g.id, groupementName: g.name, label: `Lancement prévu — ${g.familyName}` }]
      : [],
  );
  const open = groupements.filter((g) => g.status !== 'closed');
  const ends = open.flatMap((g) =>
    g.awards
      .filter((a) => inWindow(a.endOn))
      .map(
        (a): CalendarEvent => ({
          kind: 'contract_end',
          on: a.endOn,
          groupementId: g.id,
          groupementName: g.name,
          label: `Fin du marché « ${a.lotLabel} » (${a.holderName})`,
        }),
      ),
  );
  const notices = open.flatMap((g) => memberContractEvents(now, g)).filter((e) => inWindow(e.on));
  return [...launches, ...ends, ...notices].sort((a, b) =>
    a.on < b.on ? -1 : a.on > b.on ? 1 : a.groupementName.localeCompare(b.groupementName) || a.label.localeCompare(b.label),
  );
}

/** Territory figures: pooled spend, savings estimated → committed → realised, local and SME shares, statuses, next 12 months. */
export function summariseDashboard({ now, departementCodes, groupements }: SummariseDashboardOptions): TerritoryDashboard {
  const launched = groupements.flatMap((g) => (g.savings ? [g.savings] : []));
  const sum = (f: (t: SavingsTotals) => number) => launched.reduce((s, t) => s + f(t), 0);
  const unknownOf = (f: (t: SavingsTotals) => string | null) => {
    const named = groupements.flatMap((g) => {
      const reason = g.savings ? f(g.savings) : null;
      return reason === null ? [] : [`« ${g.name} » — ${reason}`];
    });
    return named.length === 0 ? null : named.join(' ');
  };
  const committedUnknown = unknownOf((t) => t.committedUnknown);
  const realisedUnknown = unknownOf((t) => t.realisedUnknown);
  const awards = groupements.flatMap((g) => g.awards);
  const local = new Set(departementCodes);
  const spendWhere = (keep: (a: DashboardAward) => boolean) => awards.filter(keep).reduce((s, a) => s + a.committedSpendCents, 0);
  const awardedSpendCents = spendWhere(() => true);
  const localSpendCents = spendWhere((a) => a.holderDepartementCode !== null && local.has(a.holderDepartementCode));
  const smeSpendCents = spendWhere((a) => a.holderIsSme);
  return {
    now,
    pooledSpendCents: sum((t) => t.baselineCents),
    savings: {
      estimated: { low: sum((t) => t.estimated.low), central: sum((t) => t.estimated.central), high: sum((t) => t.estimated.high) },
      committedCents: committedUnknown === null ? sum((t) => t.committedKnownCents) : null,
      committedKnownCents: sum((t) => t.committedKnownCents),
      committedUnknown,
      realisedCents: realisedUnknown === null ? sum((t) => t.realisedKnownCents) : null,
      realisedKnownCents: sum((t) => t.realisedKnownCents),
      realisedUnknown,
    },
    awardedSpendCents,
    localSpendCents,
    smeSpendCents,
    localShare: awardedSpendCents > 0 ? localSpendCents / awardedSpendCents : null,
    smeShare: awardedSpendCents > 0 ? smeSpendCents / awardedSpendCents : null,
    byStatus: GROUPEMENT_STATUSES.map((status) => ({ status, count: groupements.filter((g) => g.status === status).length })),
    calendar: calendarOf(now, groupements),
  };
}
