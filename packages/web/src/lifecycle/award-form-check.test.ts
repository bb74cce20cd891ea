import { describe, expect, it } from 'vitest';
import { type AwardDraft, checkAwardDraft, placeAwardIssues } from './award-form-check';

const filled: AwardDraft = {
  lotLabel: 'Lot unique',
  holderSiret: '986 700 086 00010',
  holderName: 'Alsace Toner Solidaire',
  holderDepartementCode: '67',
  priceKind: 'unit',
  price: 1.2,
  awardedOn: '2027-09-02',
  startOn: '2027-10-02',
  durationMonths: 12,
};

describe('checkAwardDraft', () => {
  it('accepts a filled form (a SIRET typed with spaces included)', () => {
    expect(checkAwardDraft(filled)).toEqual({});
  });

  it('calls an empty field « obligatoire », never « négatif »', () => {
    const empty = { ...filled, lotLabel: ' ', holderSiret: '', holderName: '', price: '', awardedOn: '', startOn: '', durationMonths: '' };
    expect(checkAwardDraft(empty)).toEqual({
      lotLabel: 'Le nom du lot est obligatoire.',
      holderSiret: 'Le SIRET du titulaire est obligatoire.',
      holderName: 'La raison sociale du titulaire est obligatoire.',
      price: 'Le prix unitaire est obligatoire.',
      awardedOn: 'La date d’attribution est obligatoire.',
      startOn: 'La date de début est obligatoire.',
      durationMonths: 'Durée obligatoire : un nombre entier de mois, de 1 à 120.',
    });
    expect(checkAwardDraft({ ...filled, priceKind: 'amount', price: '' }).price).toBe('Le montant annuel est obligatoire.');
  });

  it('explains a short SIRET, a zero price, a bad département and a start before the award', () => {
    expect(checkAwardDraft({ ...filled, holderSiret: '9867000860', price: 0, holderDepartementCode: '6', startOn: '2027-09-01' })).toEqual({
      holderSiret: 'Un SIRET compte 14 chiffres (10 saisis).',
      price: 'Le prix unitaire doit être supérieur à zéro.',
      holderDepartementCode: 'Numéro de département : 2 chiffres (ex. 16), 2A, 2B ou 971 à 976.',
      startOn: 'Le marché ne peut commencer avant son attribution.',
    });
  });
});

describe('placeAwardIssues', () => {
  it('puts the API’s refusals next to their fields, without the API’s paths', () => {
    const placed = placeAwardIssues([
      { field: 'lots.0.unitPriceCents', reason: 'Montant négatif.' },
      { field: 'lots.0.holderSiret', reason: 'Clé de contrôle du SIRET invalide.' },
      { field: 'lots', reason: 'Ce lot est déjà attribué.' },
    ]);
    expect(placed).toEqual({
      fields: { price: 'Montant négatif.', holderSiret: 'Clé de contrôle du SIRET invalide.' },
      other: ['Ce lot est déjà attribué.'],
    });
  });
});
