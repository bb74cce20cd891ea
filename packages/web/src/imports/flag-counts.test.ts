import { describe, expect, test } from 'vitest';
import { describeFlagCounts } from './flag-counts';

describe('describeFlagCounts', () => {
  test('flags as core orders and names them, counts grouped by thousands', () => {
    // core's flagCountsInSentence: the most frequent first, then code order (undated before holder_id_invalid before cpv_2003).
    expect(describeFlagCounts({ cpv_2003: 1, undated: 1870, holder_id_invalid: 1 }).replace(/\u202f/g, ' ')).toBe(
      'non daté : 1 870, titulaire non identifié : 1, CPV 2003 converti : 1',
    );
  });

  test('nothing counted, or an import stored before the counts existed', () => {
    expect(describeFlagCounts({})).toBe('');
    expect(describeFlagCounts(undefined)).toBe('');
  });
});
