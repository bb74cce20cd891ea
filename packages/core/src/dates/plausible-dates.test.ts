import { describe, expect, it } from 'vitest';
import { frenchDate, futureConsumptionReason, implausibleDateReason } from './plausible-dates';

const TODAY = '2026-12-06';

describe('implausibleDateReason', () => {
  it.each([
    ['deliberationOn', '2099-01-01', 'La délibération ne peut pas être datée après aujourd’hui (06/12/2026) : 01/01/2099 saisi.'],
    ['signedOn', '9999-12-31', 'La signature de la convention ne peut pas être datée après aujourd’hui (06/12/2026) : 31/12/9999 saisi.'],
    ['launchedOn', '2026-12-07', 'Le lancement de la procédure ne peut pas être daté après aujourd’hui (06/12/2026) : 07/12/2026 saisi.'],
    ['awardedOn', '1990-01-01', 'L’attribution ne peut pas être antérieure au 06/12/1996 (30 ans) : 01/01/1990 saisi.'],
    // Ten years after 2026-12-06: 2036-12-06.
    ['plannedLaunchOn', '2036-12-07', 'Le lancement prévu ne peut pas être daté après le 06/12/2036 : 07/12/2036 saisi.'],
    // Five years after 2026-12-06: 2031-12-06.
    ['awardStartOn', '2031-12-07', 'Le début d’exécution ne peut pas être daté après le 06/12/2031 : 07/12/2031 saisi.'],
    ['notificationDate', '1976-12-05', 'La notification ne peut pas être antérieure au 06/12/1976 (50 ans) : 05/12/1976 saisi.'],
  ] as const)('refuses %s = %s', (field, value, reason) => {
    expect(implausibleDateReason(field, value, TODAY)).toBe(reason);
  });

  it.each([
    ['deliberationOn', TODAY],
    ['deliberationOn', '1996-12-06'],
    ['plannedLaunchOn', '2036-12-06'],
    ['plannedLaunchOn', '2025-12-06'],
    ['awardStartOn', '2031-12-06'],
    ['contractStartDate', '1976-12-06'],
  ] as const)('accepts %s = %s (bound included)', (field, value) => {
    expect(implausibleDateReason(field, value, TODAY)).toBeNull();
  });
});

describe('futureConsumptionReason', () => {
  it('refuses a month not begun, accepts the current one', () => {
    expect(futureConsumptionReason('2027-01', TODAY)).toBe('Le mois 01/2027 n’a pas commencé (nous sommes en 12/2026).');
    expect(futureConsumptionReason('9999-12', TODAY)).toBe('Le mois 12/9999 n’a pas commencé (nous sommes en 12/2026).');
    expect(futureConsumptionReason('2026-12', TODAY)).toBeNull();
  });

  it('shows dates as the French UI does', () => {
    expect(frenchDate('2026-01-31')).toBe('31/01/2026');
  });
});
