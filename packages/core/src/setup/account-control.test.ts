import { describe, expect, it } from 'vitest';
import { type AccountGrant, canManageAccount } from './account-control';

const facilitatorOf = (territoryId: string): AccountGrant => ({ role: 'facilitator', territoryId, organizationId: null });
const memberOf = (territoryId: string, organizationId: string): AccountGrant => ({ role: 'member', territoryId, organizationId });

describe('canManageAccount', () => {
  const cases: [string, { isAdmin: boolean; grants: AccountGrant[] }, { isAdmin: boolean; grants: AccountGrant[] }, boolean][] = [
    ['an administrator manages anyone', { isAdmin: true, grants: [] }, { isAdmin: false, grants: [facilitatorOf('B')] }, true],
    [
      'a facilitator manages a member of its territory',
      { isAdmin: false, grants: [facilitatorOf('A')] },
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      true,
    ],
    [
      'but not one who also facilitates another territory',
      { isAdmin: false, grants: [facilitatorOf('A')] },
      { isAdmin: false, grants: [memberOf('A', 'o1'), facilitatorOf('B')] },
      false,
    ],
    ['nor an administrator', { isAdmin: false, grants: [facilitatorOf('A')] }, { isAdmin: true, grants: [memberOf('A', 'o1')] }, false],
    ['nor an account without role', { isAdmin: false, grants: [facilitatorOf('A')] }, { isAdmin: false, grants: [] }, false],
    [
      'a member manages a colleague of its organization',
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      true,
    ],
    [
      'but not a member of another organization',
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      { isAdmin: false, grants: [memberOf('A', 'o2')] },
      false,
    ],
    [
      'nor the facilitator of its territory',
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      { isAdmin: false, grants: [facilitatorOf('A')] },
      false,
    ],
    [
      'nor a colleague of the same organization on another territory',
      { isAdmin: false, grants: [memberOf('A', 'o1')] },
      { isAdmin: false, grants: [memberOf('B', 'o1')] },
      false,
    ],
  ];
  it.each(cases)('%s', (_name, manager, target, expected) => {
    expect(canManageAccount(manager, target)).toBe(expected);
  });
});
