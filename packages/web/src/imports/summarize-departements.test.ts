import { describe, expect, it } from 'vitest';
import { summarizeDepartements } from './summarize-departements';

describe('summarizeDepartements', () => {
  it('names the first three départements and counts the others', () => {
    expect(summarizeDepartements(['01', '02', '03', '67', '68'])).toBe('5 départements : Ain (01), Aisne (02), Allier (03) et 2 autres');
    expect(summarizeDepartements(['67', '68', '2A', '971'])).toBe(
      '4 départements : Bas-Rhin (67), Haut-Rhin (68), Corse-du-Sud (2A) et 1 autre',
    );
    expect(summarizeDepartements(['67', '68', '57'])).toBe('3 départements : Bas-Rhin (67), Haut-Rhin (68), Moselle (57)');
  });
});
