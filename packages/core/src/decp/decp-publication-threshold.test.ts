import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/iso-date';
import { DECP_PUBLICATION_THRESHOLDS, decpPublicationThresholdOn, describeDecpCoverage } from './decp-publication-threshold';

describe('DECP publication threshold (R2196-1)', () => {
  it('is 25,000 € HT for marchés notified from October 2018 to 2019, 40,000 € HT since 1 January 2020', () => {
    // Art. 107 of décret n° 2016-360 then R2196-1: 25,000 € until 31 Dec 2019; décret n° 2019-1344: 40,000 € from 1 Jan 2020.
    expect(decpPublicationThresholdOn('2018-09-30')).toBeNull();
    expect(decpPublicationThresholdOn('2018-10-01')?.amountCents).toBe(2_500_000);
    expect(decpPublicationThresholdOn('2019-12-31')?.amountCents).toBe(2_500_000);
    expect(decpPublicationThresholdOn('2020-01-01')?.amountCents).toBe(4_000_000);
    expect(decpPublicationThresholdOn('2026-12-07')?.amountCents).toBe(4_000_000);
  });

  it('leaves no day uncovered between two versions, each with its article and a dated source', () => {
    for (const [i, version] of DECP_PUBLICATION_THRESHOLDS.entries()) {
      expect(version.article).toBe('R2196-1');
      expect(version.source).toMatch(/lus? le \d{1,2} \S+ \d{4}$/);
      const next = DECP_PUBLICATION_THRESHOLDS[i + 1];
      if (next === undefined) expect(version.effectiveTo).toBeNull();
      else expect(next.effectiveFrom).toBe(addDays(version.effectiveTo as string, 1));
    }
  });

  it('says what the DECP leave out, from the table', () => {
    expect(describeDecpCoverage()).toBe(
      'Les données essentielles ne publient que les marchés de 40 000 € HT et plus (art. R2196-1 ; 25 000 € HT pour les marchés ' +
        'notifiés avant le 1er janvier 2020) : les achats plus petits n’y figurent pas, et une famille achetée en petits marchés y est sous-estimée.',
    );
  });
});
