import { describe, expect, it } from 'vitest';
import { cpvCatalog, searchCpv } from './cpv-catalog';
import { checkCpv, cpvAtLevel, isCpvUnder } from './cpv-code';

describe('CPV 2008 catalog', () => {
  it('ships all 9,454 codes with French and English labels', () => {
    expect(cpvCatalog().size).toBe(9454);
    expect(cpvCatalog().get('34927100')?.labelFr).toMatch(/sel/i);
  });

  it('finds codes by accent-insensitive label words', () => {
    const codes = searchCpv('sel de deneigement').map((e) => e.code);
    expect(codes).toContain('34927100');
  });
});

describe('checkCpv', () => {
  it('accepts a code with its official check digit or without it', () => {
    expect(checkCpv('50700000-2')).toMatchObject({ ok: true, code: '50700000' });
    expect(checkCpv('50700000')).toMatchObject({ ok: true, code: '50700000' });
  });
  it('refuses a wrong check digit, naming the right one', () => {
    const r = checkCpv('50700000-3');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('2');
  });
  it('refuses codes outside CPV 2008 (the DECP test code 12345678)', () => {
    expect(checkCpv('12345678').ok).toBe(false);
  });
  it('refuses malformed input', () => {
    expect(checkCpv('5070000').ok).toBe(false);
  });
});

describe('hierarchy', () => {
  it('truncates to a level and tests inclusion', () => {
    expect(cpvAtLevel('34927100', 'class')).toBe('34920000');
    expect(cpvAtLevel('34927100', 'division')).toBe('34000000');
    expect(isCpvUnder('34927100', '34920000')).toBe(true);
    expect(isCpvUnder('34937100', '34920000')).toBe(false);
  });
});
