import { describe, expect, it } from 'vitest';
import { assessPoolability } from './assess-poolability';

const one = (cpvCode: string) => ({
  cpvBreakdown: [{ cpvCode, annualAmountCents: 100_000 }],
  familyCpvCodes: [`${cpvCode.slice(0, 4)}0000`],
});

describe('assessPoolability', () => {
  it.each([
    ['66516400', 'proven', 'service', 'insurance: 7 groupement procedures in class 6651'],
    ['30192000', 'proven', 'supply', 'office supplies: 3 procedures in class 3019'],
    ['34927100', 'recurring', 'supply', 'road salt: recurring, no groupement seen in class 3492'],
    ['90911200', 'recurring', 'service', 'cleaning: recurring, none seen in class 9091 (the SDIS « Groupement Est » is not one)'],
    ['34110000', 'occasional', 'equipment', 'cars'],
    ['45233140', 'rare', 'works', 'road works, despite one groupement among 309 contracts'],
    ['71240000', 'rare', 'intellectual', 'architecture and engineering'],
  ])('puts %s in the %s tier (%s, %s)', (code, tier, nature) => {
    const result = assessPoolability(one(code));
    expect([result.tier, result.nature, result.isRare]).toEqual([tier, nature, tier === 'rare']);
  });

  it('says why, with the evidence of real buyers', () => {
    // Class 6651: 295 reference contracts, 22 of them the lots of 7 groupement procedures of 7 buyers.
    expect(assessPoolability(one('66516400')).reason).toMatch(
      /^Classée en tête : famille que d’autres acheteurs publics mutualisent déjà\. Preuve dans les DECP de référence \(6 jeux de données publiés, 8 074 marchés ; version 2026-12-06\) : 7 procédures passées en groupement de commandes par 7 acheteurs, sur 295 marchés de la classe CPV 6651 \(ex\. « PRESTATIONS D'ASSURANCE POUR LES BESOINS DU GROUPEMENT DE COMMANDES DE CHEVILLY-LARUE »\)\./,
    );
  });

  it('says why works are hidden, quoting how rarely they are pooled', () => {
    // Works: 2 groupement contracts of 2,870, i.e. 0.0697 % → « 0,07 % ».
    const { reason } = assessPoolability(one('45210000'));
    expect(reason).toMatch(/^Rarement mutualisé, masqué par défaut : travaux liés à un site/);
    expect(reason).toContain('0,07 % des marchés de travaux liés à un site sont passés en groupement de commandes (2 sur 2 870)');
    expect(reason).toContain('Aucun groupement de commandes relevé pour la classe CPV 4521');
  });

  it('takes the nature holding most of the amount of a mixed family', () => {
    // 60 % road works, 40 % road salt → works, hence rare.
    const breakdown = [
      { cpvCode: '45233140', annualAmountCents: 600 },
      { cpvCode: '34927100', annualAmountCents: 400 },
    ];
    expect(assessPoolability({ cpvBreakdown: breakdown, familyCpvCodes: [] }).nature).toBe('works');
    expect(assessPoolability({ cpvBreakdown: breakdown.slice(1), familyCpvCodes: [] }).nature).toBe('supply');
  });

  it('reads the family codes when the needs have no amount', () => {
    expect(assessPoolability({ cpvBreakdown: [], familyCpvCodes: ['71000000'] }).tier).toBe('rare');
  });
});
