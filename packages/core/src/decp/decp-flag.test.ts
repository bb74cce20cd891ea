import { describe, expect, test } from 'vitest';
import { flagCountsInSentence } from './decp-flag';

describe('flagCountsInSentence', () => {
  test('most frequent first, ties in code order, zero counts left out, lowercased except acronyms', () => {
    // DECP_FLAG_CODES order: undated, holder_id_invalid, cpv_2003, …, buyer_id_invalid, …, amount_missing.
    // Labels: « Non daté », « Titulaire non identifié », « CPV 2003 converti », « SIRET acheteur invalide ».
    expect(flagCountsInSentence({ cpv_2003: 1, buyer_id_invalid: 1, undated: 2, holder_id_invalid: 1, amount_missing: 0 })).toEqual([
      { label: 'non daté', count: 2 },
      { label: 'titulaire non identifié', count: 1 },
      { label: 'CPV 2003 converti', count: 1 },
      { label: 'SIRET acheteur invalide', count: 1 },
    ]);
  });

  test('nothing counted', () => {
    expect(flagCountsInSentence({})).toEqual([]);
  });
});
