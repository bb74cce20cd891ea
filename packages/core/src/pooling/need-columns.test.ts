import { describe, expect, it } from 'vitest';
import { gatherNeedColumns, toNeedColumns } from './need-columns';
import { buildNeed } from './test-builders';

describe('toNeedColumns', () => {
  it('reads ids, amounts, confirmation, interned CPV codes and base quantities in input order', () => {
    const columns = toNeedColumns([
      buildNeed({
        id: 'n1',
        organizationId: 'o1',
        cpvCode: '34927100',
        annualAmountCents: 100,
        status: 'confirmed',
        quantity: 2,
        unit: 't',
      }),
      buildNeed({
        id: 'n2',
        organizationId: 'o2',
        cpvCode: '30197630',
        annualAmountCents: 250,
        status: 'proposed',
        quantity: null,
        unit: null,
      }),
      buildNeed({
        id: 'n3',
        organizationId: 'o1',
        cpvCode: '34927100',
        annualAmountCents: 7,
        status: 'confirmed',
        quantity: 3,
        unit: 'box',
      }),
      buildNeed({
        id: 'n4',
        organizationId: 'o3',
        cpvCode: '30197630',
        annualAmountCents: 9,
        status: 'confirmed',
        quantity: 4,
        unit: 'ream',
      }),
    ]);
    expect(columns.ids).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect([...columns.amounts]).toEqual([100, 250, 7, 9]);
    expect([...columns.isConfirmed]).toEqual([1, 0, 1, 1]);
    expect(columns.cpvCodes).toEqual(['34927100', '30197630']);
    expect([...columns.cpv]).toEqual([0, 1, 0, 1]);
    // 2 t = 2 000 kg; no quantity → −1; a box without its unit count → reason 0 (−2); 4 reams = 2 000 sheets.
    expect([...columns.quantityState]).toEqual([0, -1, -2, 1]);
    expect(columns.baseUnits).toEqual(['kg', 'sheet']);
    expect([columns.baseQuantity[0], columns.baseQuantity[3]]).toEqual([2000, 2000]);
    expect(columns.quantityReasons).toEqual(['« boîte (de N unités) » sans nombre d’unités par conditionnement']);
  });

  it('gathers the numeric columns in a given order and leaves ids in input order', () => {
    const columns = toNeedColumns([
      buildNeed({ id: 'a', organizationId: 'o1', annualAmountCents: 1, status: 'confirmed', quantity: 1, unit: 'kg' }),
      buildNeed({ id: 'b', organizationId: 'o1', annualAmountCents: 2, status: 'proposed', quantity: null, unit: null }),
      buildNeed({ id: 'c', organizationId: 'o1', annualAmountCents: 3, status: 'confirmed', quantity: 2, unit: 't' }),
    ]);
    // Order [2, 0]: position 0 is need c (3, confirmed, 2 000 kg), position 1 is need a (1, confirmed, 1 kg); b is left out.
    const gathered = gatherNeedColumns(columns, Int32Array.from([2, 0]));
    expect([...gathered.amounts]).toEqual([3, 1]);
    expect([...gathered.isConfirmed]).toEqual([1, 1]);
    expect([...gathered.baseQuantity]).toEqual([2000, 1]);
    expect([...gathered.quantityState]).toEqual([0, 0]);
    expect(gathered.ids).toEqual(['a', 'b', 'c']);
  });
});
