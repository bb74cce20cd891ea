import { addDays, addMonths } from '../calendar/iso-date';
import type { IsoDate } from '../domain/types';

/** Last day of a contract starting on `startOn` for `durationMonths` months (2026-07-01 + 12 → 2027-06-30). */
export function contractEndOn(startOn: IsoDate, durationMonths: number): IsoDate {
  return addDays(addMonths(startOn, durationMonths), -1);
}
