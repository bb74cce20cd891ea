import { describe, expect, it } from 'vitest';
import { toNeedColumns } from './need-columns';
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
});
