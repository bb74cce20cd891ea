import { describe, expect, test } from 'vitest';
import { describeFlagCounts } from './flag-counts';

describe('describeFlagCounts', () => {
  test('most frequent first, labels lowercased inside the sentence except acronyms, zero counts left out', () => {
    // DECP_FLAG_LABELS: undated « Non daté », cpv_2003 « CPV 2003 converti », holder_id_invalid « Titulaire non identifié ».
    expect(describeFlagCounts({ holder_id_invalid: 1, undated: 2, cpv_2003: 1, amount_missing: 0 })).toBe(
      'non daté : 2, CPV 2003 converti : 1, titulaire non identifié : 1',
    );
  });

  test('nothing counted, or an import stored before the counts existed', () => {
    expect(describeFlagCounts({})).toBe('');
    expect(describeFlagCounts(undefined)).toBe('');
  });
});
