import { describe, expect, it } from 'vitest';
import { decideDisclosure, type Figure } from './decide-disclosure';
import { STAFF_VIEWER, viewerActingFor } from './disclosure-viewer';

const me = viewerActingFor(['me']);
const nobody = viewerActingFor([]);

describe('decideDisclosure', () => {
  it.each<[string, Figure, boolean | string]>([
    ['its own amount', { kind: 'organization', organizationId: 'me' }, true],
    ['another member’s amount', { kind: 'organization', organizationId: 'b' }, 'other_organization'],
    ['its own running contract', { kind: 'running_contract', organizationId: 'me' }, true],
    ['another member’s running contract', { kind: 'running_contract', organizationId: 'b' }, 'running_contract'],
    ['a co-signatory’s maximum in the convention', { kind: 'convention', organizationId: 'b', signatoryIds: ['me', 'b'] }, true],
    [
      'the maximum of a convention it does not sign',
      { kind: 'convention', organizationId: 'b', signatoryIds: ['b', 'c'] },
      'other_organization',
    ],
    // Two members: total − own = the other's amount.
    ['the total of itself and one other', { kind: 'aggregate', contributorIds: ['me', 'b'] }, 'too_few_others'],
    // Three members: total − own = b + c, neither alone.
    ['the total of itself and two others', { kind: 'aggregate', contributorIds: ['me', 'b', 'c'] }, true],
    ['a total of two others it is not part of', { kind: 'aggregate', contributorIds: ['b', 'c'] }, true],
    ['a total of one other alone', { kind: 'aggregate', contributorIds: ['b'] }, 'too_few_others'],
    ['a total counting one other twice (two needs)', { kind: 'aggregate', contributorIds: ['me', 'b', 'b'] }, 'too_few_others'],
    ['a total under other analysis options', { kind: 'aggregate', contributorIds: ['me', 'b', 'c', 'd'], isVariant: true }, 'variant'],
    // Groupement {me, b, c} from opportunity {me, b, c, d}: opportunity − groupement = d.
    [
      'a total that differs from a related shown total by one other',
      { kind: 'aggregate', contributorIds: ['me', 'b', 'c'], relatedContributorIds: [['me', 'b', 'c', 'd']] },
      'isolates_one',
    ],
    [
      'a total that differs from a related one by two others',
      { kind: 'aggregate', contributorIds: ['me', 'b', 'c'], relatedContributorIds: [['me', 'b', 'c', 'd', 'e']] },
      true,
    ],
    [
      'a total that differs from a related one by its own organization only',
      { kind: 'aggregate', contributorIds: ['b', 'c'], relatedContributorIds: [['me', 'b', 'c']] },
      true,
    ],
    // Scenario leave [b] of {me, b, c, d}: base − scenario = b.
    ['a what-if where one other leaves', { kind: 'what_if', beforeIds: ['me', 'b', 'c', 'd'], afterIds: ['me', 'c', 'd'] }, 'what_if'],
    // Two others leaving: b + c, then b + d, then c + d would give each one: still refused.
    ['a what-if where two others leave', { kind: 'what_if', beforeIds: ['me', 'b', 'c', 'd', 'e'], afterIds: ['me', 'd', 'e'] }, 'what_if'],
    ['a what-if where it leaves itself', { kind: 'what_if', beforeIds: ['me', 'b', 'c'], afterIds: ['b', 'c'] }, true],
    ['a what-if where nobody changes (a postponement)', { kind: 'what_if', beforeIds: ['me', 'b', 'c'], afterIds: ['me', 'b', 'c'] }, true],
    ['a what-if whose sides have one other only', { kind: 'what_if', beforeIds: ['me', 'b'], afterIds: ['b'] }, 'too_few_others'],
  ])('for a member: %s', (_label, figure, expected) => {
    const decision = decideDisclosure(me, figure);
    expect(decision).toEqual(expected === true ? { isShown: true } : { isShown: false, reason: expected });
  });

  it('shows every figure to the territory’s staff', () => {
    const figures: Figure[] = [
      { kind: 'organization', organizationId: 'b' },
      { kind: 'running_contract', organizationId: 'b' },
      { kind: 'aggregate', contributorIds: ['b'], isVariant: true },
      { kind: 'what_if', beforeIds: ['b', 'c'], afterIds: ['c'] },
    ];
    for (const figure of figures) expect(decideDisclosure(STAFF_VIEWER, figure)).toEqual({ isShown: true });
  });

  it('applies the same rule to a viewer acting for no organization (a supplier, the public)', () => {
    expect(decideDisclosure(nobody, { kind: 'aggregate', contributorIds: ['b', 'c'] })).toEqual({ isShown: true });
    expect(decideDisclosure(nobody, { kind: 'aggregate', contributorIds: ['b'] })).toEqual({ isShown: false, reason: 'too_few_others' });
    expect(decideDisclosure(nobody, { kind: 'organization', organizationId: 'b' }).isShown).toBe(false);
  });

  it('counts a viewer acting for several organizations as one side: its own are never « others »', () => {
    const both = viewerActingFor(['me', 'me-too']);
    expect(decideDisclosure(both, { kind: 'aggregate', contributorIds: ['me', 'me-too', 'b'] }).isShown).toBe(false);
    expect(decideDisclosure(both, { kind: 'aggregate', contributorIds: ['me', 'me-too', 'b', 'c'] }).isShown).toBe(true);
  });
});
