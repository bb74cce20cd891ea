import { describe, expect, it } from 'vitest';
import { buildRawDecpRecord } from './build-raw-decp-record';
import { normalizeDecpAward } from './normalize-decp-award';

function award(overrides: Record<string, unknown> = {}) {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result.rejections));
  return result.award;
}

function rejectedFields(overrides: Record<string, unknown>): string[] {
  const result = normalizeDecpAward(buildRawDecpRecord(overrides));
  return result.ok ? [] : result.rejections.map((r) => r.field);
}

describe('normalizeDecpAward', () => {
  it('normalises a real PES record: time-zone date, check digit, end date from the duration', () => {
    expect(award()).toMatchObject({
      key: '13001898900017|2019I1703000',
      format: '2019',
      buyer: { siret: '13001898900017', name: 'INOVALYS' },
      holders: [{ idType: 'SIRET', siret: '85480074501125', name: 'AXIMA CONCEPT' }],
      cpvCode: '50700000',
      nature: 'marche',
      notificationDate: '2018-12-17',
      startDate: '2018-12-17',
      endDate: '2022-02-17',
      durationMonths: 38,
      amountCents: 15_390_000,
      hasBrokenText: false,
    });
  });

  it.each([
    [{ nature: 'Accord-cadre' }, 'accord_cadre'],
    [{ nature: 'Marché subséquent' }, 'marche'],
    [{ nature: 'Marché', techniques: { technique: ['Concours', 'Accord-cadre'] } }, 'accord_cadre'],
    [{ nature: 'Marché', techniques: { technique: 'Sans objet' } }, 'marche'],
  ])('reads the nature %j as %s', (overrides, nature) => {
    expect(award(overrides).nature).toBe(nature);
  });

  it.each([
    ['9132100', '09132100'],
    ['90620000-1', '90620000'],
    [' 30192000 ', '30192000'],
  ])('tolerates the CPV code %s (lost leading zero, placeholder check digit, spaces) as %s', (raw, code) => {
    expect(award({ codeCPV: raw }).cpvCode).toBe(code);
  });

  it.each([
    [{ montant: 0 }, null],
    [{ montant: undefined }, null],
    [{ montant: '1200,5' }, 120_050],
    [{ montant: 26130.4 }, 2_613_040],
  ])('keeps a contract whose amount is %j with amountCents %s', (overrides, cents) => {
    expect(award(overrides).amountCents).toBe(cents);
  });

  it('keeps text with broken accents as published and flags it', () => {
    const result = award({ objet: 'Prestations pour l’ann\uFFFDe 2019' });
    expect(result.objet).toBe('Prestations pour l’ann\uFFFDe 2019');
    expect(result.hasBrokenText).toBe(true);
  });

  it('keeps a non-SIRET holder without a SIRET and reads 2024 wrapped holders', () => {
    const holders = award({ titulaires: [{ titulaire: { typeIdentifiant: 'TVA', id: 'BE0123456789' } }] }).holders;
    expect(holders).toEqual([{ idType: 'TVA', id: 'BE0123456789', siret: null, name: null }]);
  });

  it('reads a record shaped by the XML reader (texts, single child instead of a list)', () => {
    const xmlShaped = buildRawDecpRecord({
      dureeMois: '12',
      montant: '80000',
      titulaires: { titulaire: { typeIdentifiant: 'SIRET', id: '85480074501125' } },
    });
    const result = normalizeDecpAward(xmlShaped);
    expect(result.ok && [result.award.durationMonths, result.award.amountCents, result.award.holders.length]).toEqual([12, 8_000_000, 1]);
  });

  it.each([
    [{ codeCPV: '12345678', objet: 'Le marche du siecle' }, '*'],
    [{ acheteur: { id: '13001898900017', nom: 'Essentiel' } }, '*'],
    [{ objet: 'Le march\uFFFD du si\uFFFDcle' }, '*'],
    [{ objet: 'TEST PES' }, '*'],
    [{ _type: 'Contrat de concession' }, '_type'],
    [{ acheteur: { id: '13001898900018', nom: 'X' } }, 'acheteur.id'],
    [{ titulaires: [{ typeIdentifiant: 'SIRET', id: '3883430500028' }] }, 'titulaires.0.id'],
    [{ codeCPV: '74200000' }, 'codeCPV'],
    [{ codeCPV: '0' }, 'codeCPV'],
    [{ dateNotification: undefined }, 'dateNotification'],
    [{ dateNotification: '2018-02-30' }, 'dateNotification'],
    [{ dureeMois: 0 }, 'dureeMois'],
    [{ dureeMois: 3284900.5 }, 'dureeMois'],
    [{ objet: '  ' }, 'objet'],
  ])('rejects %j naming the field %s', (overrides, field) => {
    expect(rejectedFields(overrides)).toEqual([field]);
  });

  it('does not take a real objet mentioning tests for a test record', () => {
    expect(award({ objet: 'Tests de laboratoire pour la surveillance des eaux de baignade' }).objet).toMatch(/^Tests/);
  });

  it('lists every problem of a record at once', () => {
    expect(rejectedFields({ codeCPV: '74200000', dateNotification: undefined })).toEqual(['codeCPV', 'dateNotification']);
  });
});
