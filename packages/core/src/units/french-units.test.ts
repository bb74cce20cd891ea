import { describe, expect, it } from 'vitest';
import { readUnitFr, unitNameFr, unitSymbolFr } from './french-units';

describe('readUnitFr', () => {
  it.each([
    // French names and plurals, as buyers type them in a census.
    ['tonnes', 't', null],
    ['Tonne', 't', null],
    ['ramette', 'ream', null],
    ['Ramettes', 'ream', null],
    ['litres', 'L', null],
    ['paires', 'pair', null],
    ['forfait', 'lump_sum', null],
    ['Forfaits', 'lump_sum', null],
    ['mètres cubes', 'm3', null],
    ['m³', 'm3', null],
    ['unités', 'unit', null],
    ['pièces', 'unit', null],
    ['heures', 'hour', null],
    ['journées', 'day', null],
    // Usual abbreviations.
    ['kg', 'kg', null],
    ['Kgs', 'kg', null],
    ['l', 'L', null],
    ['ml', 'mL', null],
    ['u.', 'unit', null],
    ['h', 'hour', null],
    ['bte', 'box', null],
    // A container with its count gives the units per pack.
    ['boîtes de 100', 'box', 100],
    ['boite de 1 000 unités', 'box', 1000],
    ['lot de 12', 'pack', 12],
    ['cartons de 6', 'pack', 6],
    ['ramette de 500 feuilles', 'ream', null],
    // The template's drop-down values and the codes stay accepted.
    ['t', 't', null],
    ['ream', 'ream', null],
    ['lump_sum', 'lump_sum', null],
    ['ramette (500 feuilles)', 'ream', null],
    ['boîte (de N unités)', 'box', null],
    ['jour (8 h)', 'day', null],
  ] as const)('reads « %s » as %s (units per pack: %s)', (raw, unit, unitsPerPack) => {
    expect(readUnitFr(raw)).toEqual({ ok: true, unit, unitsPerPack });
  });

  it('refuses an unknown unit listing the French names, never the codes', () => {
    const reading = readUnitFr('caisses');
    expect(reading.ok).toBe(false);
    const reason = reading.ok ? '' : reading.reason;
    expect(reason).toContain('Unité inconnue « caisses »');
    expect(reason).toContain('tonne, millilitre, litre');
    expect(reason).not.toMatch(/\b(lump_sum|ream|pair|box|kg)\b/);
  });

  it('refuses a ream that is not of 500 sheets and a count on a unit that is not a container', () => {
    expect(readUnitFr('ramette de 250 feuilles')).toEqual({
      ok: false,
      reason: 'Une ramette compte 500 feuilles : pour « ramette de 250 feuilles », indiquez la quantité en feuilles.',
    });
    expect(readUnitFr('tonnes de 3')).toEqual({
      ok: false,
      reason: '« tonnes de 3 » : seuls une boîte ou un lot se comptent « de N unités ».',
    });
  });
});

describe('unit names', () => {
  it('writes French names with the plural from 2 on, and symbols after numbers where French has them', () => {
    expect([unitNameFr('t', 1), unitNameFr('t', 1.5), unitNameFr('t', 120), unitNameFr('box', 300)]).toEqual([
      'tonne',
      'tonne',
      'tonnes',
      'boîtes',
    ]);
    expect([unitSymbolFr('t', 120), unitSymbolFr('m3', 2), unitSymbolFr('pair', 2), unitSymbolFr('lump_sum', 1)]).toEqual([
      't',
      'm³',
      'paires',
      'forfait',
    ]);
  });
});
