import { describe, expect, it } from 'vitest';
import type { OrganizationKind } from '../domain/types';
import { DomainError } from '../errors/domain-error';
import { resolveTenderCommission, TENDER_COMMISSION_RULES } from './tender-commission';

const member = (organizationId: string, kind: OrganizationKind) => ({ organizationId, name: `Membre ${organizationId}`, kind });
const AT = '2026-12-06';

describe('resolveTenderCommission (CGCT L1414-3, version of 11 December 2016)', () => {
  it.each([
    {
      case: 'two départements, one coordinating: its CAO may be designated (II), or a groupement CAO (I)',
      members: [member('cd67', 'departement'), member('cd68', 'departement')],
      coordinatorId: 'cd68',
      expected: { isMostlyLocal: true, localMemberCount: 2, coordinatorHasCao: true, allowed: ['coordinator', 'groupement'] },
    },
    {
      // 4 local authorities of 5: mostly local; the hospital has no CAO, so II is closed: the groupement's CAO is instituted.
      case: 'four local authorities and a coordinating hospital: the groupement CAO is compulsory',
      members: [
        member('city', 'commune'),
        member('cd16', 'departement'),
        member('ch', 'hospital'),
        member('cognac', 'commune'),
        member('agglo', 'epci'),
      ],
      coordinatorId: 'ch',
      expected: { isMostlyLocal: true, localMemberCount: 4, coordinatorHasCao: false, allowed: ['groupement'] },
    },
    {
      // 1 of 2 is not « en majorité »: the article does not apply; the convention institutes its own commission.
      case: 'a city and a hospital: not mostly local, the convention institutes its commission',
      members: [member('city', 'commune'), member('ch', 'hospital')],
      coordinatorId: 'city',
      expected: { isMostlyLocal: false, localMemberCount: 1, coordinatorHasCao: true, allowed: ['groupement', 'coordinator'] },
    },
    {
      case: 'two hospitals and a State service: no local majority, no CAO',
      members: [member('h1', 'hospital'), member('h2', 'hospital'), member('s', 'state')],
      coordinatorId: 'h1',
      expected: { isMostlyLocal: false, localMemberCount: 0, coordinatorHasCao: false, allowed: ['groupement'] },
    },
  ])('$case', ({ members, coordinatorId, expected }) => {
    const result = resolveTenderCommission({ members, coordinatorId, at: AT });
    expect(result).toMatchObject({ ...expected, proposed: expected.allowed[0], memberCount: members.length });
    expect(result.ruleVersionId).toBe('cgct-l1414-3-2016-12-11');
  });

  it('seats an elected member of each member’s CAO and a representative of each other member, chaired by the coordinator', () => {
    const result = resolveTenderCommission({
      members: [member('city', 'commune'), member('ch', 'hospital'), member('agglo', 'epci')],
      coordinatorId: 'ch',
      at: AT,
    });
    expect(result.seats.map((s) => [s.organizationId, s.basis, s.isChair])).toEqual([
      ['city', 'elected_cao_member', false],
      ['ch', 'designated_representative', true],
      ['agglo', 'elected_cao_member', false],
    ]);
    expect(result.explanation).toBe(
      '2 membres sur 3 sont des collectivités territoriales ou leurs établissements publics locaux : CGCT L1414-3 I s’applique. Le coordonnateur, Membre ch, n’a pas de commission d’appel d’offres (un établissement public de santé n’en a pas) : la convention ne peut pas désigner la sienne (CGCT L1414-3 II) et doit instituer la commission du groupement : un élu de la CAO de chaque membre qui en a une, un représentant de chaque autre membre, présidée par le représentant du coordonnateur.',
    );
  });

  it('keeps the article’s text as dated, sourced data and refuses a date before the version in force', () => {
    const [rule] = TENDER_COMMISSION_RULES;
    expect(rule?.text.ii).toBe(
      'La convention constitutive d’un groupement de commandes peut prévoir que la commission d’appel d’offre compétente est celle du coordonnateur du groupement si celui-ci en est doté.',
    );
    expect(rule?.sources.length).toBeGreaterThan(0);
    expect(() => resolveTenderCommission({ members: [member('a', 'commune')], coordinatorId: 'a', at: '2016-12-10' })).toThrow(DomainError);
  });
});
