import { describe, expect, it } from 'vitest';
import type { GroupementStatus } from '../domain/types';
import { admitMember, LATE_JOINER_MESSAGE } from './admit-member';
import { applyTransition, listNextSteps } from './apply-transition';
import type { LifecycleState } from './lifecycle-types';
import { contractsOfAward } from './record-award';
import { recordSignature } from './record-signature';
import { ALL_SIGNED, buildLifecycleState, buildSignature, COMMUNE, HOSPITAL, NEWCOMER } from './test-builders';

const signed = (overrides: Partial<LifecycleState> = {}) => buildLifecycleState({ status: 'signed', signatures: ALL_SIGNED, ...overrides });
const reasonsOf = (result: ReturnType<typeof applyTransition>) => (result.ok ? [] : result.reasons.map((r) => r.code));

describe('applyTransition', () => {
  const allowed: [string, LifecycleState, GroupementStatus, GroupementStatus][] = [
    ['drafts the convention of a two-member draft', buildLifecycleState(), 'convention_drafted', 'convention_drafted'],
    [
      'marks the convention signed once everyone signed',
      buildLifecycleState({ status: 'convention_drafted', signatures: ALL_SIGNED }),
      'signed',
      'signed',
    ],
    ['launches a signed groupement', signed(), 'launched', 'launched'],
    [
      'declares a launched groupement awarded once a lot is',
      signed({ status: 'launched', awardedLotKeys: ['lot-1'] }),
      'awarded',
      'awarded',
    ],
    ['starts the contract of an awarded groupement', signed({ status: 'awarded' }), 'running', 'running'],
    ['closes a running contract', signed({ status: 'running' }), 'closed', 'closed'],
    ['renews a running contract', signed({ status: 'running' }), 'renewed', 'renewed'],
    ['renews a renewed contract again', signed({ status: 'renewed' }), 'renewed', 'renewed'],
    [
      'launches the next procedure of a closed permanent groupement',
      signed({ status: 'closed', isPermanent: true, procedureNumber: 1 }),
      'launched',
      'launched',
    ],
  ];
  it.each(allowed)('%s', (_name, state, to, expected) => {
    const result = applyTransition(state, to);
    expect(result.ok && result.state.status).toBe(expected);
  });

  const refusedCases: [string, LifecycleState, GroupementStatus, string[]][] = [
    ['refuses skipping from draft to launched', buildLifecycleState(), 'launched', ['not_allowed_from']],
    ['refuses a one-member groupement', buildLifecycleState({ members: [COMMUNE] }), 'convention_drafted', ['too_few_members']],
    [
      'refuses the signed status while a deliberation is missing',
      buildLifecycleState({
        status: 'convention_drafted',
        signatures: [buildSignature(COMMUNE, { deliberationReference: null }), buildSignature(HOSPITAL)],
      }),
      'signed',
      ['missing_deliberation'],
    ],
    [
      'refuses launch with a missing signature and a missing deliberation',
      signed({ signatures: [buildSignature(COMMUNE, { deliberationOn: null })] }),
      'launched',
      ['missing_signature', 'missing_deliberation'],
    ],
    ['refuses the awarded status without any lot awarded', signed({ status: 'launched' }), 'awarded', ['no_award']],
    ['refuses to relaunch a closed one-off groupement', signed({ status: 'closed', procedureNumber: 1 }), 'launched', ['not_allowed_from']],
  ];
  it.each(refusedCases)('%s', (_name, state, to, codes) => {
    expect(reasonsOf(applyTransition(state, to))).toEqual(codes);
  });

  it('names who must act when launch is blocked', () => {
    const result = applyTransition(signed({ signatures: [buildSignature(COMMUNE, { deliberationOn: null })] }), 'launched');
    expect(result.ok ? null : result.reasons).toEqual([
      expect.objectContaining({ organizationIds: [HOSPITAL.organizationId], message: expect.stringContaining('Centre hospitalier') }),
      expect.objectContaining({ organizationIds: [COMMUNE.organizationId], message: expect.stringContaining('Commune de Cognac') }),
    ]);
  });

  it('freezes the sorted member list and counts the procedure at launch', () => {
    const result = applyTransition(signed({ members: [HOSPITAL, COMMUNE] }), 'launched');
    expect(result.ok && result.state).toMatchObject({
      frozenMemberIds: ['org-commune', 'org-hopital'],
      procedureNumber: 1,
      awardedLotKeys: [],
    });
  });

  it('lists the next step of a convention still waiting for the hospital', () => {
    const state = buildLifecycleState({ status: 'convention_drafted', signatures: [buildSignature(COMMUNE)] });
    expect(listNextSteps(state)).toEqual([
      { to: 'signed', blockers: [expect.objectContaining({ code: 'missing_signature', organizationIds: ['org-hopital'] })] },
    ]);
  });
});

describe('admitMember', () => {
  it('keeps a late joiner out of a launched one-off groupement, citing L2111-1 and the 2011 answer', () => {
    const result = admitMember(
      signed({ status: 'launched', frozenMemberIds: ['org-commune', 'org-hopital'], procedureNumber: 1 }),
      NEWCOMER,
    );
    expect(result).toEqual({
      ok: false,
      reasons: [{ code: 'late_joiner', message: LATE_JOINER_MESSAGE, organizationIds: ['org-nouvelle'] }],
    });
    expect(LATE_JOINER_MESSAGE).toMatch(/L2111-1.*17 mai 2011.*100136/);
  });

  it('admits a newcomer to a running permanent groupement for the next procedure, frozen list unchanged', () => {
    const state = signed({ status: 'running', isPermanent: true, frozenMemberIds: ['org-commune', 'org-hopital'], procedureNumber: 1 });
    const result = admitMember(state, NEWCOMER);
    expect(result.ok && { joins: result.joinsProcedure, frozen: result.state.frozenMemberIds, count: result.state.members.length }).toEqual(
      {
        joins: 2,
        frozen: ['org-commune', 'org-hopital'],
        count: 3,
      },
    );
  });

  it('sends a signed convention back to « rédigée » when a newcomer joins before launch', () => {
    const result = admitMember(signed(), NEWCOMER);
    expect(result.ok && result.state.status).toBe('convention_drafted');
  });
});

describe('recordSignature', () => {
  const drafted = buildLifecycleState({ status: 'convention_drafted' });

  it('merges a deliberation recorded after the signature', () => {
    const first = recordSignature(drafted, { organizationId: COMMUNE.organizationId, signedOn: '2026-03-10' });
    const second = first.ok
      ? recordSignature(first.state, { organizationId: COMMUNE.organizationId, deliberationOn: '2026-02-01', deliberationReference: 'D-7' })
      : first;
    expect(second.ok && second.record).toEqual({
      organizationId: 'org-commune',
      signedOn: '2026-03-10',
      deliberationOn: '2026-02-01',
      deliberationReference: 'D-7',
    });
  });

  it.each([
    ['a draft convention', buildLifecycleState(), { organizationId: 'org-commune', signedOn: '2026-03-10' }, 'convention_not_drafted'],
    ['a stranger', drafted, { organizationId: 'org-inconnue', signedOn: '2026-03-10' }, 'not_member'],
    [
      'a deliberation after the signature',
      drafted,
      { organizationId: 'org-commune', signedOn: '2026-03-10', deliberationOn: '2026-03-11' },
      'deliberation_after_signature',
    ],
    ['an empty record', drafted, { organizationId: 'org-commune' }, 'nothing_recorded'],
    [
      'a member of a launched procedure',
      signed({ status: 'launched', frozenMemberIds: ['org-commune', 'org-hopital'] }),
      { organizationId: 'org-commune', signedOn: '2026-04-01' },
      'signatures_frozen',
    ],
  ])('refuses %s', (_name, state, input, code) => {
    const result = recordSignature(state, input);
    expect(result.ok ? null : result.reasons[0]?.code).toBe(code);
  });
});

describe('contractsOfAward', () => {
  it('gives each member its own contract when the mandate covers the procedure only', () => {
    expect(contractsOfAward('procedure', ['a'], ['a', 'b'])).toEqual([
      { signatoryId: 'a', memberIds: ['a'] },
      { signatoryId: 'b', memberIds: ['b'] },
    ]);
  });

  it('has the coordinator sign one contract for all when it signs on their behalf', () => {
    expect(contractsOfAward('procedure_signature', ['b'], ['a', 'b'])).toEqual([{ signatoryId: 'b', memberIds: ['a', 'b'] }]);
  });
});
