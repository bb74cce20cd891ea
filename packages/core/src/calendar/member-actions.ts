import type { IsoDate } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import type { ContractEntryWindow } from './contract-entry-window';
import { nonRenewalDeadline } from './contract-entry-window';
import { addDays, diffDays, formatDateFr } from './iso-date';

const DAYS_PER_MONTH = 365.25 / 12;

export interface MemberActionsOptions {
  name: string;
  annualAmountCents: number;
  windows: readonly ContractEntryWindow[];
  startDate: IsoDate;
  toleranceDays: number;
}

/** The action of a start-wave member without a running contract in the family. */
export function noContractAction(startDate: IsoDate): string {
  return `Aucun marché en cours dans la famille : entre au démarrage du ${formatDateFr(startDate)}.`;
}

/** What a start-wave member must do to join at `startDate`, in French, and the bridge length it needs. */
export function memberActions({ name, annualAmountCents, windows, startDate, toleranceDays }: MemberActionsOptions): {
  actions: string[];
  bridgeMonths: number;
} {
  if (windows.length === 0) return { actions: [noContractAction(startDate)], bridgeMonths: 0 };
  const actions: string[] = [];
  let bridgeMonths = 0;
  const horizon = addDays(startDate, toleranceDays);
  for (const w of windows) {
    const exit = [...w.exitDates].reverse().find((d) => d <= horizon) ?? w.earliestEntry;
    const end = formatDateFr(addDays(exit, -1));
    if (exit < w.latestEntry) {
      const deadline = formatDateFr(nonRenewalDeadline(exit, w.noticeMonths));
      actions.push(
        `Ne pas reconduire le marché ${w.reference} : notifier la non-reconduction avant le ${deadline} (préavis de ${w.noticeMonths} mois), fin au ${end}.`,
      );
    } else {
      actions.push(`Le marché ${w.reference} s’achève le ${end}, toutes reconductions utilisées : aucune action.`);
    }
    const gap = diffDays(exit, startDate);
    if (gap > toleranceDays) {
      const months = Math.ceil(gap / DAYS_PER_MONTH);
      bridgeMonths = Math.max(bridgeMonths, months);
      const amount = formatEuros(Math.round((annualAmountCents * months) / 12));
      actions.push(
        `Marché relais court de ${months} mois pour ${name} (du ${formatDateFr(exit)} au ${formatDateFr(addDays(startDate, -1))}, environ ${amount} HT, procédure selon ce seul montant).`,
      );
    }
  }
  return { actions, bridgeMonths };
}
