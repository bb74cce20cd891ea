import type { IsoDate, Threshold, ThresholdTable, ThresholdVersion } from '@mutualis/core';

const CARRIED_SOURCE = 'Seuils non encore publiés pour cette date : valeurs de la dernière version connue reconduites, à vérifier';

function dayAfter(date: IsoDate): IsoDate {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

const carried = (t: Threshold): Threshold => ({ ...t, source: `${CARRIED_SOURCE} (${t.source})`, verify: true });

/**
 * The core table ends on 31 Dec 2027, but calendars aligned on running contracts launch later,
 * and core throws when no version covers a launch date. Until the table is open-ended (reported
 * to the pooling author), the last version is carried forward, every value flagged `verify`, so
 * the procedure text says « Seuil à vérifier ».
 */
export function carryThresholdsForward(table: ThresholdTable): ThresholdTable {
  const last = table.at(-1);
  if (!last || last.effectiveTo === null) return table;
  const next: ThresholdVersion = {
    id: `${last.id}-reconduite`,
    effectiveFrom: dayAfter(last.effectiveTo),
    effectiveTo: null,
    dispenseSupplies: carried(last.dispenseSupplies),
    dispenseWorks: carried(last.dispenseWorks),
    publicity: carried(last.publicity),
    formalisedState: carried(last.formalisedState),
    formalisedLocal: carried(last.formalisedLocal),
    formalisedWorks: carried(last.formalisedWorks),
  };
  return [...table, next];
}
