import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error';
import { buildDecp2024 } from './build-decp-2024';
import { buildDecpContract, SUPPLIER } from './test-builders';

// schema_decp_v2.0.3.json declares draft-07, Ajv's default dialect.
const schema = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'schema_decp_v2.0.3.json'), 'utf8'));
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

function captureError(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('buildDecp2024', () => {
  it('builds a schema-valid document with the coordinator as acheteur', () => {
    const doc = buildDecp2024({
      awardedContracts: [buildDecpContract(), buildDecpContract({ id: '2026-SEL-02', isFrameworkAgreement: false })],
    });
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const [first, second] = doc.marches.marche;
    expect(first).toMatchObject({
      id: '2026-SEL-01',
      acheteur: { id: buildDecpContract().coordinatorSiret },
      techniques: { technique: ['Accord-cadre'] },
      modalitesExecution: { modaliteExecution: ['Bons de commande'] },
      montant: 480000.5,
      titulaires: [{ titulaire: { typeIdentifiant: 'SIRET', id: SUPPLIER.siret } }],
      considerationsSociales: { considerationSociale: ['Pas de considération sociale'] },
      considerationsEnvironnementales: { considerationEnvironnementale: ['Critère environnemental'] },
    });
    expect(second?.techniques.technique).toEqual(['Sans objet']);
  });

  it('is reported by the schema when a required field is missing', () => {
    const doc = buildDecp2024({ awardedContracts: [buildDecpContract()] });
    const { ccag: _ccag, ...withoutCcag } = doc.marches.marche[0] ?? { ccag: '' };
    expect(validate({ marches: { marche: [withoutCcag] } })).toBe(false);
    expect(validate.errors?.map((e) => e.message)).toContain("must have required property 'ccag'");
  });

  it('refuses an identifier longer than 16 characters and a bad holder SIRET, naming both', () => {
    const build = () =>
      buildDecp2024({ awardedContracts: [buildDecpContract({ id: 'GRPT-SEL-2026-LOT-01', holderSirets: ['12345678901234'] })] });
    const error = captureError(build);
    expect(error).toBeInstanceOf(DomainError);
    const issues = error instanceof DomainError ? (error.details?.issues ?? []) : [];
    expect(issues.map((i) => i.field)).toEqual(['awardedContracts.0.id', 'awardedContracts.0.holderSirets.0']);
  });
});
