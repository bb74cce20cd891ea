import { describe, expect, it } from 'vitest';
import { CONTRACT_COLUMNS } from './contract-columns';
import { parseContractsTable } from './parse-contracts-table';
import { validateContractRow } from './validate-contract-row';

const SIRET = '21670482500019';
const base = {
  organizationSiret: `${SIRET} – Ville de Strasbourg`,
  reference: 'SEL-2025',
  cpvCode: '34927100-2',
  label: 'Sel de déneigement',
  startDate: '01/03/2025',
  durationMonths: '12',
};

describe('validateContractRow', () => {
  it('reads a row typed the French way, with defaults for what is left blank', () => {
    const result = validateContractRow({
      ...base,
      amount: '48 000,50',
      nature: 'Accord-cadre',
      renewalCount: '3',
      renewalMonths: '12',
      noticeMonths: '3',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        organizationSiret: SIRET,
        reference: 'SEL-2025',
        cpvCode: '34927100',
        label: 'Sel de déneigement',
        holderSiret: null,
        holderName: null,
        notificationDate: null,
        startDate: '2025-03-01',
        durationMonths: 12,
        renewalCount: 3,
        renewalMonths: 12,
        renewalsUsed: 0,
        noticeMonths: 3,
        amountCents: 4_800_050,
        nature: 'accord_cadre',
      },
    });
  });

  it('names each bad cell with its reason', () => {
    const result = validateContractRow({
      ...base,
      startDate: '31/02/2025',
      durationMonths: 'douze',
      noticeMonths: '30',
      nature: 'concession',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { key: 'startDate', reason: '« 31/02/2025 » n’est pas une date possible.' },
      { key: 'durationMonths', reason: 'La durée initiale : nombre entier attendu, reçu « douze ».' },
      { key: 'noticeMonths', reason: 'Le préavis : 24 au plus.' },
      { key: 'nature', reason: 'Nature inconnue « concession » ; valeurs possibles : marché, accord-cadre.' },
    ]);
  });

  it('applies the contract rules of the API (renewals used, their length, notification date)', () => {
    const result = validateContractRow({ ...base, renewalCount: '1', renewalsUsed: '2', notificationDate: '15/03/2025' });
    expect(!result.ok && result.issues.map((i) => i.key)).toEqual(['renewalsUsed', 'renewalMonths', 'notificationDate']);
  });
});

describe('parseContractsTable', () => {
  const header = CONTRACT_COLUMNS.map((c) => c.header);
  const cells = (overrides: Record<string, string>) =>
    CONTRACT_COLUMNS.map((c) => overrides[c.key] ?? (base as Record<string, string>)[c.key] ?? '');

  it('locates errors by sheet, row and column letter', () => {
    const parsed = parseContractsTable(
      {
        fileName: 'recensement.xlsx',
        sheet: 'Contrats en cours',
        headerRow: 1,
        header,
        rows: [
          { row: 2, cells: cells({}) },
          { row: 3, cells: cells({ durationMonths: '0' }) },
          { row: 4, cells: cells({ organizationSiret: '', reference: '', cpvCode: '', label: '', startDate: '', durationMonths: '' }) },
        ],
      },
      { knownSirets: new Set([SIRET]) },
    );
    expect(parsed.rowCount).toBe(2);
    expect(parsed.rows.map((r) => r.source.row)).toEqual([2]);
    expect(parsed.errors).toEqual([
      {
        field: 'durationMonths',
        row: 3,
        column: 'I',
        reason: 'La durée initiale doit être d’au moins un mois.',
        file: 'recensement.xlsx',
        sheet: 'Contrats en cours',
      },
    ]);
  });

  it('refuses a sheet without its required columns, naming them', () => {
    const parsed = parseContractsTable({ fileName: 'c.csv', headerRow: 1, header: ['Organisation (SIRET)', 'Objet'], rows: [] });
    expect(parsed.errors.map((e) => e.reason)).toEqual([
      'Colonne obligatoire absente : « Référence du contrat ».',
      'Colonne obligatoire absente : « Code CPV ».',
      'Colonne obligatoire absente : « Début d’exécution (jj/mm/aaaa) ».',
      'Colonne obligatoire absente : « Durée initiale (mois) ».',
    ]);
  });

  it('tells the two holder columns apart', () => {
    const parsed = parseContractsTable({
      fileName: 'c.csv',
      headerRow: 1,
      header,
      rows: [{ row: 2, cells: cells({ holderSiret: '21670482500019', holderName: 'Salines' }) }],
    });
    expect(parsed.rows[0]).toMatchObject({ holderSiret: '21670482500019', holderName: 'Salines' });
  });
});
