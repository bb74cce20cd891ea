import { describe, expect, it } from 'vitest';
import { legalReferenceAt } from './legal-references';
import { isPrivateMember, memberStandingOf } from './member-standing';

describe('legalReferenceAt', () => {
  it('reads L2113-6 in its version since the code came into force, quoting the private members’ paragraph', () => {
    const article = legalReferenceAt('ccp-l2113-6', '2026-12-06');
    expect(article.id).toBe('ccp-l2113-6-2019-04-01');
    expect(article.text).toContain(
      'entre un ou plusieurs acheteurs et une ou plusieurs personnes morales de droit privé qui ne sont pas des acheteurs, à condition que chacun des membres du groupement applique, pour les achats réalisés dans le cadre du groupement, les règles prévues par la présente partie.',
    );
  });

  it('reads R2162-4 as amended on 1 January 2022 (an accord-cadre always has a maximum) and refuses an earlier date', () => {
    // « Les accords-cadres peuvent être conclus : 1° Soit avec un minimum et un maximum en valeur ou en quantité ;
    // 2° Soit avec seulement un maximum en valeur ou en quantité. » (décret n° 2021-1111 du 23 août 2021)
    expect(legalReferenceAt('ccp-r2162-4', '2022-01-01').text).toContain('2° Soit avec seulement un maximum en valeur ou en quantité.');
    expect(() => legalReferenceAt('ccp-r2162-4', '2021-12-31')).toThrow(/R2162-4|ccp-r2162-4/);
  });
});

describe('memberStandingOf', () => {
  it('tells local authorities, other buyers and private persons that are not buyers (L2113-6) apart', () => {
    expect(['commune', 'departement', 'region', 'epci'].map((k) => memberStandingOf(k as 'commune'))).toEqual(
      Array(4).fill('local_authority'),
    );
    expect(memberStandingOf('hospital')).toBe('public_buyer');
    expect(memberStandingOf('state')).toBe('public_buyer');
    expect(['sme', 'large_company', 'association'].every((k) => isPrivateMember(k as 'sme'))).toBe(true);
    expect(isPrivateMember('hospital')).toBe(false);
  });
});
