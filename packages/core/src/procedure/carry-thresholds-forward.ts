import { addDays } from '../calendar/iso-date';
import type { Threshold, ThresholdTable, ThresholdVersion } from './threshold-table';

const CARRIED_SOURCE = 'Seuils non encore publiés pour cette date : valeurs de la dernière version connue reconduites, à vérifier';

const carried = (t: Threshold): Threshold => ({ ...t, source: `${CARRIED_SOURCE} (${t.source})`, verify: true });

/**
 * Extends a threshold table past its last published version: calendars aligned on running
 * contracts launch after 2027, when no version is published yet, so the last version is carried
 * forward with every value flagged `verify` (the procedure text then says « Seuil à vérifier »).
 */
export function carryThresholdsForward(table: ThresholdTable): ThresholdTable {
  const last = table.at(-1);
  if (!last || last.effectiveTo === null) return table;
  const next: ThresholdVersion = {
    id: `${last.id}-reconduite`,
    effectiveFrom: addDays(last.effectiveTo, 1),
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
