import { getCommune } from '@mutualis/core/geo';
import { isValidSiret } from '@mutualis/core/identity';
import { describe, expect, it } from 'vitest';
import { buildOrganization, COMMUNES, uniqueSiret } from './builders';

describe('test builders', () => {
  it('describe the test communes as the official geography does', () => {
    for (const [code, commune] of Object.entries(COMMUNES)) {
      expect(getCommune(code)).toEqual({ code, ...commune });
    }
  });

  it('hand out distinct valid SIRETs', () => {
    const sirets = Array.from({ length: 2_000 }, uniqueSiret);
    expect(sirets.every(isValidSiret)).toBe(true);
    expect(new Set(sirets).size).toBe(2_000);
  });

  it('derive département and région from the INSEE code', () => {
    expect(buildOrganization({ inseeCode: '16015' })).toMatchObject({ departementCode: '16', regionCode: '75', epciSiren: '200071827' });
  });
});
