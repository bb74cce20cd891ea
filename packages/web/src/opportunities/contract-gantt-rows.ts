import { countFr } from '@mutualis/contract';
import { addMonthsIso, formatDateFr } from '../charts/french-dates';
import type { GanttRow, GanttSegment } from '../charts/gantt-types';
import { shiftIso } from '../charts/time-scale';
import type { MemberEntry, OpportunityDetail, RunningContractRow } from './opportunity-types';
import { waveColor, waveIndexByMember, waveLabel } from './wave-colors';

/** Firm period, renewals already exercised, open renewal options, and the bridge contract up to the entry date. */
function contractSegments(contract: RunningContractRow, entry: MemberEntry | undefined): GanttSegment[] {
  const firmEnd = shiftIso(addMonthsIso(contract.startDate, contract.durationMonths), -1);
  const exercisedEnd = shiftIso(
    addMonthsIso(contract.startDate, contract.durationMonths + contract.renewalsUsed * contract.renewalMonths),
    -1,
  );
  const segments: GanttSegment[] = [
    {
      from: contract.startDate,
      to: firmEnd,
      kind: 'firm',
      title: [`Période ferme : ${formatDateFr(contract.startDate)} – ${formatDateFr(firmEnd)}`, ...contract.decpProvenance].join('\n'),
    },
  ];
  if (contract.renewalsUsed > 0)
    segments.push({
      from: shiftIso(firmEnd, 1),
      to: exercisedEnd,
      kind: 'exercised',
      title: `${countFr(contract.renewalsUsed, 'reconduction exercée')}, jusqu’au ${formatDateFr(exercisedEnd)}`,
    });
  if (contract.finalEndDate > exercisedEnd)
    segments.push({
      from: shiftIso(exercisedEnd, 1),
      to: contract.finalEndDate,
      kind: 'option',
      title: `${countFr(contract.renewalCount - contract.renewalsUsed, 'reconduction encore possible', 'reconductions encore possibles')} de ${contract.renewalMonths} mois : fin au plus tard le ${formatDateFr(contract.finalEndDate)}`,
    });
  const bridge = entry?.bridges.find((b) => b.contractIds.includes(contract.id));
  if (bridge)
    segments.push({
      from: bridge.from,
      to: shiftIso(bridge.until, -1),
      kind: 'bridge',
      title:
        bridge.form === 'amendment'
          ? `Prolongation par avenant (R2194-8) jusqu’à l’entrée dans l’accord-cadre le ${formatDateFr(bridge.until)}`
          : `Marché relais jusqu’à l’entrée dans l’accord-cadre le ${formatDateFr(bridge.until)}`,
    });
  // Another member's bridges are not sent (they quote its amounts): its gap is still drawn.
  else if (entry && entry.bridges.length === 0 && entry.bridgeMonths > 0 && shiftIso(exercisedEnd, 1) < entry.joinDate)
    segments.push({
      from: shiftIso(exercisedEnd, 1),
      to: shiftIso(entry.joinDate, -1),
      kind: 'bridge',
      title: `Période couverte (avenant ou marché relais) jusqu’à l’entrée dans l’accord-cadre le ${formatDateFr(entry.joinDate)}`,
    });
  return segments;
}

/** One Gantt row per running contract of a member (one empty row for a member with none), coloured by wave. */
export function contractGanttRows(detail: OpportunityDetail): GanttRow[] {
  const waveOf = waveIndexByMember(detail.waveList);
  const entries = new Map(detail.calendar.members.map((m) => [m.organizationId, m]));
  return detail.members.flatMap((member): GanttRow[] => {
    const entry = entries.get(member.organizationId);
    const index = waveOf.get(member.organizationId) ?? 0;
    const common = {
      color: waveColor(index),
      marker: entry ? { date: entry.joinDate, title: `Entrée le ${formatDateFr(entry.joinDate)} (${waveLabel(index)})` } : undefined,
      window: entry ? { from: entry.earliestEntry, to: entry.latestEntry } : undefined,
    };
    const contracts = detail.runningContracts.filter((c) => c.organizationId === member.organizationId);
    if (contracts.length === 0)
      return [
        { id: member.organizationId, label: member.name, sublabel: 'aucun marché en cours dans la famille', segments: [], ...common },
      ];
    return contracts.map((contract) => ({
      id: `${member.organizationId}-${contract.id}`,
      label: member.name,
      sublabel: `${contract.reference}${contract.holderName ? ` · ${contract.holderName}` : ''}`,
      segments: contractSegments(contract, entry),
      ...common,
    }));
  });
}

/** Plotted range: from the earliest contract start (or a year before today) to the last end, entry or start date. */
export function ganttRange(detail: OpportunityDetail): { from: string; to: string } {
  const starts = [shiftIso(detail.now, -180), ...detail.runningContracts.map((c) => c.startDate)];
  const ends = [
    detail.startDate,
    ...detail.runningContracts.map((c) => c.finalEndDate),
    ...detail.calendar.members.flatMap((m) => [m.joinDate, m.latestEntry ?? m.earliestEntry]),
  ];
  // ISO dates sort as strings.
  const from = starts.sort()[0] ?? detail.now;
  const to = ends.sort().at(-1) ?? detail.startDate;
  return { from: shiftIso(from, -30), to: shiftIso(to, 90) };
}
