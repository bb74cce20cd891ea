import { describe, expect, it } from 'vitest';
import { COMPETENCE_KINDS } from '../domain/types';
import { DEFAULT_COMPETENCES } from './default-competences';

describe('DEFAULT_COMPETENCES', () => {
  it('holds about forty terms with unique kebab-case codes', () => {
    const codes = DEFAULT_COMPETENCES.map((c) => c.code);
    expect(codes.length).toBeGreaterThanOrEqual(38);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every term a French label and a known kind', () => {
    for (const { labelFr, kind } of DEFAULT_COMPETENCES) {
      expect(labelFr.trim()).not.toBe('');
      expect(COMPETENCE_KINDS).toContain(kind);
    }
  });

  it.each([
    ['formulation-liquides', 'Formulation de liquides'],
    ['melange-cuves', 'Mélange en cuves'],
    ['conditionnement-flacons', 'Conditionnement en flacons'],
    ['distillation', "Distillation d'alcool"],
  ])('labels %s as « %s »', (code, labelFr) => {
    expect(DEFAULT_COMPETENCES.find((c) => c.code === code)?.labelFr).toBe(labelFr);
  });

  it('covers the processes, skills and equipment the recipes and demo firms rely on', () => {
    const codes = new Set(DEFAULT_COMPETENCES.map((c) => c.code));
    for (const code of [
      'impression-offset',
      'reliure',
      'faconnage',
      'stockage-vrac',
      'transport-poids-lourds',
      'epandage',
      'confection-textile',
      'soudure',
      'injection-plastique',
      'soufflage-flacons',
      'logistique-entrepot',
      'bpf-cosmetiques',
    ])
      expect(codes.has(code), code).toBe(true);
  });
});
