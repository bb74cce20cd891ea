import { DateInput } from '@mantine/dates';
import 'dayjs/locale/fr';
import { parseFrenchDate } from './parse-french-date';

interface FrenchDateInputProps {
  label: string;
  /** ISO `YYYY-MM-DD`, or '' when empty. */
  value: string;
  onChange: (iso: string) => void;
  description?: string;
  error?: string;
  /** ISO bounds of the calendar. */
  minDate?: string;
  maxDate?: string;
  clearable?: boolean;
  w?: number;
}

/**
 * A date field that shows and reads `jj/mm/aaaa` whatever the browser's locale (a native
 * `<input type="date">` follows the browser and showed mm/dd/yyyy in English Chromium),
 * with a French calendar to pick from. The value stays an ISO date.
 */
export function FrenchDateInput({ label, value, onChange, description, error, minDate, maxDate, clearable, w }: FrenchDateInputProps) {
  return (
    <DateInput
      label={label}
      description={description}
      error={error}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      dateParser={parseFrenchDate}
      valueFormat="DD/MM/YYYY"
      locale="fr"
      placeholder="jj/mm/aaaa"
      minDate={minDate}
      maxDate={maxDate}
      clearable={clearable}
      firstDayOfWeek={1}
      popoverProps={{ withinPortal: true }}
      w={w}
    />
  );
}
