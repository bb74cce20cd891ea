import { describe, expect, test } from 'vitest';
import { describeDecpFlagCounts } from './decp-flag';

describe('describeDecpFlagCounts', () => {
  test('most frequent first, ties in code order, zero counts left out, lowercased except acronyms', () => {
    // DECP_FLAG_CODES order: undated, holder_id_invalid, cpv_2003, …, buyer_id_invalid, …, amount_missing.
    // Labels: « Non daté », « Titulaire non identifié », « CPV 2003 converti », « SIRET acheteur invalide ».
    expect(describeDecpFlagCounts({ cpv_2003: 1, buyer_id_invalid: 1, undated: 2, holder_id_invalid: 1, amount_missing: 0 })).toBe(
      'non daté : 2, titulaire non identifié : 1, CPV 2003 converti : 1, SIRET acheteur invalide : 1',
    );
  });

  test('counts grouped by thousands', () => {
    expect(describeDecpFlagCounts({ cpv_2003: 1, undated: 1870, holder_id_invalid: 1 }).replace(/\u202f/g, ' ')).toBe(
      'non daté : 1 870, titulaire non identifié : 1, CPV 2003 converti : 1',
    );
  });

  test('nothing counted, or an import stored before the counts existed', () => {
    expect(describeDecpFlagCounts({})).toBe('');
    expect(describeDecpFlagCounts(undefined)).toBe('');
  });
});
