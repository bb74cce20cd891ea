import { describe, expect, it } from 'vitest';
import type { DecpFlag } from './decp-flag';
import { decpFlagStatus, isDecpAmountEstimable, isDecpContractDated } from './decp-flag-status';
import { explainDecpFlag } from './explain-decp-flag';

const UNDATED: DecpFlag = { code: 'undated', value: '2018-01-01', year: 2018, yearSource: 'id', publishedDate: null };
const SENTINEL: DecpFlag = { code: 'amount_sentinel', value: 99_999_999_900, published: '999 999 999' };
const ABERRANT: DecpFlag = {
  code: 'amount_anomalous',
  value: 2_000_000_000,
  level: 'aberrant',
  score: 6.71,
  basis: 'total',
  comparedCents: 2_000_000_000,
  peerMedianCents: 10_181_525,
  peerCount: 110,
  peerGroup: 'classe CPV 4500, marchés, communes',
};
const REVIEW = { by: 'animatrice@example.fr', at: '2026-12-06T15:00:00.000Z' };

function contract(overrides: Record<string, unknown> = {}) {
  return {
    startDate: '2018-01-01',
    holderSiret: null,
    cpvCode: '34927100',
    nature: 'marche' as const,
    durationMonths: 12,
    amountCents: 99_999_999_900,
    decpFlags: [UNDATED, SENTINEL],
    decpFlagReviews: {},
    ...overrides,
  };
}

describe('decpFlagStatus', () => {
  it('keeps a flag pending until its value is confirmed or changed', () => {
    expect(decpFlagStatus(contract(), SENTINEL)).toBe('pending');
    expect(decpFlagStatus(contract({ decpFlagReviews: { amount_sentinel: { ...REVIEW, value: 99_999_999_900 } } }), SENTINEL)).toBe(
      'confirmed',
    );
    expect(decpFlagStatus(contract({ amountCents: 1_200_000 }), SENTINEL)).toBe('corrected');
  });

  it('drops a confirmation once the value it confirmed changed again (a re-import restoring another amount)', () => {
    const reviews = { amount_sentinel: { ...REVIEW, value: 1_200_000 } };
    expect(decpFlagStatus(contract({ decpFlagReviews: reviews }), SENTINEL)).toBe('pending');
  });

  it('cannot confirm an undated record: only an entered date resolves it', () => {
    expect(decpFlagStatus(contract({ decpFlagReviews: { undated: { ...REVIEW, value: '2018-01-01' } } }), UNDATED)).toBe('pending');
    expect(decpFlagStatus(contract({ startDate: '2018-03-14' }), UNDATED)).toBe('corrected');
  });
});

describe('isDecpContractDated and isDecpAmountEstimable', () => {
  it('keeps an undated record out of calendars until a date is entered', () => {
    expect([isDecpContractDated(contract()), isDecpContractDated(contract({ startDate: '2018-03-14' }))]).toEqual([false, true]);
  });

  it('leaves placeholder and aberrant amounts out of estimates until confirmed or corrected, keeps a suspect one', () => {
    const aberrant = contract({ amountCents: 2_000_000_000, decpFlags: [ABERRANT] });
    const suspect = contract({ amountCents: 2_000_000_000, decpFlags: [{ ...ABERRANT, level: 'suspect', score: 4.7 }] });
    const confirmed = contract({ decpFlagReviews: { amount_sentinel: { ...REVIEW, value: 99_999_999_900 } } });
    expect([
      isDecpAmountEstimable(contract()),
      isDecpAmountEstimable(aberrant),
      isDecpAmountEstimable(suspect),
      isDecpAmountEstimable(confirmed),
    ]).toEqual([false, false, true, true]);
  });

  it('leaves a contract published under an identifier already used out of estimates until confirmed as another contract', () => {
    const shared: DecpFlag = { code: 'id_shared', value: null, published: '000000000000' };
    const pending = contract({ amountCents: 3_541_000, decpFlags: [shared] });
    const confirmed = contract({ amountCents: 3_541_000, decpFlags: [shared], decpFlagReviews: { id_shared: { ...REVIEW, value: null } } });
    expect([isDecpAmountEstimable(pending), decpFlagStatus(confirmed, shared), isDecpAmountEstimable(confirmed)]).toEqual([
      false,
      'confirmed',
      true,
    ]);
  });
});

describe('explainDecpFlag', () => {
  it('explains an aberrant amount with its peer group, and hides the amounts from who may not see them', () => {
    // 20,000,000 € ÷ 101,815.25 € = 196.4 → « 196 fois ».
    expect(explainDecpFlag(ABERRANT, { showAmounts: true })).toBe(
      'Montant anormal : 20 000 000,00 €, 196 fois la médiane de 101 815,25 € de 110 marchés comparables ' +
        '(classe CPV 4500, marchés, communes) ; écart robuste 6,7 (au-delà de 6 : aberrant). Laissé hors des estimations jusqu’à confirmation ou correction.',
    );
    expect(explainDecpFlag(ABERRANT, { showAmounts: false })).toBe('Montant anormal au regard des marchés comparables (montant masqué).');
  });

  it('names the year of an undated record and where it comes from', () => {
    expect(explainDecpFlag(UNDATED, { showAmounts: true })).toBe(
      'Marché non daté : ni date de notification ni date de publication des données. Notifié en 2018 d’après son identifiant ' +
        '(ses quatre premiers caractères sont l’année de notification, selon le format réglementaire). ' +
        'Compté dans le recensement des besoins, exclu des calendriers jusqu’à ce qu’une date soit saisie.',
    );
  });
});
