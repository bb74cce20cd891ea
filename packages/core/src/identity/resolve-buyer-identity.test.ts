import { describe, expect, it } from 'vitest';
import { guessBuyerKind } from '../decp/guess-buyer-kind';
import { builtInNameVocabulary } from './name-vocabulary';
import { type BuyerIdentityInput, type PublishedName, resolveBuyerIdentity } from './resolve-buyer-identity';

const B = '\uFFFD';
const vocabulary = builtInNameVocabulary();

/**
 * A DECP buyer as the import stores it: named after its first published name, kind guessed from it,
 * no location. Published names and counts are those of the DECP dev split, by
 *   jq -r '.marches[] | select(.acheteur.id == "<SIRET>") | .acheteur.nom' /work/shared/data/decp-2019-colinmaudry-decp-json/*.json | sort | uniq -c
 */
function buyer(siret: string, publishedNames: PublishedName[], overrides: Partial<BuyerIdentityInput> = {}): BuyerIdentityInput {
  const first = publishedNames[0]?.name ?? `Acheteur ${siret}`;
  return {
    siret,
    current: { name: first, kind: guessBuyerKind(siret, first), inseeCode: '' },
    previous: null,
    isBuyer: true,
    publishedNames,
    siblings: [],
    establishment: null,
    legalUnit: null,
    vocabulary,
    ...overrides,
  };
}

const INDRE = buyer('22360001600016', [
  { name: `D${B}partement de l Indre Direction des Routes des Transports du Patrimoine et de l Education`, count: 56 },
]);

describe('resolveBuyerIdentity on real DECP buyers', () => {
  it('repairs « D�partement de l Indre … » and shows the direction after its département', () => {
    const identity = resolveBuyerIdentity(INDRE);
    expect(identity.values).toEqual({
      name: "Département de l'Indre (Direction des Routes des Transports du Patrimoine et de l'Education)",
      kind: 'departement',
      inseeCode: '',
    });
    expect(identity).toMatchObject({ status: 'unit_of_legal_unit', kindSource: 'name', isToReview: true, isStillBroken: false });
    expect(identity.legal).toEqual({ text: "Département de l'Indre", source: 'published', siret: '22360001600016', count: 56 });
    expect(identity.explanation).toEqual([
      `Publié dans les DECP sous « D${B}partement de l Indre Direction des Routes des Transports du Patrimoine et de l Education » (56 marchés).`,
      `Accents perdus à la publication, rétablis d’après l’orthographe des noms officiels (communes, nomenclature CPV) : « D${B}partement » → « Département ».`,
      `Apostrophe rétablie : « Département de l Indre Direction des Routes des Transports du Patrimoine et de l Education » → « Département de l'Indre Direction des Routes des Transports du Patrimoine et de l'Education ».`,
      "« Direction des Routes des Transports du Patrimoine et de l'Education » désigne un service d’une unité légale, non une personne morale.",
      'Type « département » deviné d’après le nom (sans SIRENE).',
    ]);
  });

  it('takes the kind and the commune from SIRENE once imported, the name from the buyer’s own', () => {
    const identity = resolveBuyerIdentity({
      ...INDRE,
      // SIRENE facts of the Département de l'Indre (catégorie juridique 7220, seat in Châteauroux, INSEE 36044).
      legalUnit: { siren: '223600016', name: "DEPARTEMENT DE L'INDRE", legalCategory: '7220', enterpriseCategory: null, isActive: true },
      establishment: { siret: '22360001600016', name: null, inseeCode: '36044', isActive: true },
    });
    expect(identity.values).toEqual({
      name: "Département de l'Indre (Direction des Routes des Transports du Patrimoine et de l'Education)",
      kind: 'departement',
      inseeCode: '36044',
    });
    expect(identity.explanation.slice(-2)).toEqual([
      'Type « département » d’après la catégorie juridique 7220 « Département » (SIRENE).',
      'Commune : Châteauroux (36044), adresse de l’établissement dans SIRENE.',
    ]);
  });

  it('keeps the legal unit’s name a SIRET also publishes over « Budget Principal » (SDIS 31, SIRET 28310001400028)', () => {
    const identity = resolveBuyerIdentity(
      buyer('28310001400028', [
        { name: 'Budget Principal', count: 15 },
        { name: 'SDIS 31 Haute Garonne', count: 10 },
      ]),
    );
    expect(identity).toMatchObject({ status: 'legal_unit', unit: null, isToReview: false });
    expect(identity.values.name).toBe('SDIS 31 Haute Garonne');
  });

  it('never shows « Direction de la Maintenance » as a legal unit when none is known (SIRET 58200872800104)', () => {
    const identity = resolveBuyerIdentity(buyer('58200872800104', [{ name: 'Direction de la Maintenance', count: 3 }]));
    expect(identity.values.name).toBe('Unité légale SIREN 582 008 728 (« Direction de la Maintenance »)');
    expect(identity).toMatchObject({ status: 'unknown_legal_unit', legal: null, isToReview: true });
    expect(identity.explanation[2]).toMatch(/^Unité légale inconnue \(SIREN 582 008 728\)/);
  });

  it('names « BUDGET PRINCIPAL » after its legal unit once SIRENE knows it (SIRET 22440002800011)', () => {
    const input = buyer('22440002800011', [{ name: 'BUDGET PRINCIPAL', count: 36 }]);
    expect(resolveBuyerIdentity(input).values.name).toBe('Unité légale SIREN 224 400 028 (« BUDGET PRINCIPAL »)');
    const identity = resolveBuyerIdentity({
      ...input,
      legalUnit: {
        siren: '224400028',
        name: 'DEPARTEMENT DE LA LOIRE ATLANTIQUE',
        legalCategory: '7220',
        enterpriseCategory: null,
        isActive: true,
      },
    });
    // The main budget is the legal unit itself: nothing in brackets.
    expect(identity.values).toEqual({ name: 'DEPARTEMENT DE LA LOIRE ATLANTIQUE', kind: 'departement', inseeCode: '' });
    expect(identity).toMatchObject({ status: 'unit_of_legal_unit', kindSource: 'sirene', isToReview: false });
  });

  it('names a commune from the official list by its SIREN: « VILLE » and « Service technique » are Tremblay-en-France (SIRET 21930073800271)', () => {
    const identity = resolveBuyerIdentity(
      buyer('21930073800271', [
        { name: 'VILLE', count: 13 },
        { name: 'Service technique', count: 7 },
      ]),
    );
    // The most used name, « VILLE », designates the commune itself: no service in brackets.
    expect(identity.values).toEqual({ name: 'Commune de Tremblay-en-France', kind: 'commune', inseeCode: '93073' });
    expect(identity).toMatchObject({ status: 'legal_unit', kindSource: 'reference', locationSource: 'reference' });
  });

  it('names Toulouse Métropole’s directions after the EPCI (SIRET 24310051800170)', () => {
    const identity = resolveBuyerIdentity(
      buyer('24310051800170', [
        { name: `TM / DGD Espaces Publics - Am${B}nagement`, count: 6 },
        { name: 'TM / Modernisation - DSI', count: 3 },
        { name: 'TM / Direction Jardins et Espaces Verts', count: 2 },
        { name: `TM / DMT D${B}chets et moyens techniques`, count: 2 },
        { name: 'TM / DGA Affaires Culturelles', count: 2 },
        { name: 'TM / Modernisation - DRH', count: 1 },
        { name: 'TM / Espaces publics - Services urbains', count: 1 },
      ]),
    );
    expect(identity.values).toEqual({ name: 'Toulouse Métropole (DGD Espaces Publics - Aménagement)', kind: 'epci', inseeCode: '' });
    expect(identity.legal?.source).toBe('reference');
  });

  it('repairs from the best variant of the same SIRET and prefers the mixed-case spelling (SIRET 21950424800010)', () => {
    const identity = resolveBuyerIdentity(
      buyer('21950424800010', [
        { name: 'Commune de Montigny-lès-Cormeilles', count: 6 },
        { name: `Commune de Montigny-l${B}s-Cormeilles`, count: 2 },
      ]),
    );
    expect(identity.values.name).toBe('Commune de Montigny-lès-Cormeilles');
    expect(identity.repairs).toEqual([
      { broken: `Commune de Montigny-l${B}s-Cormeilles`, repaired: 'Commune de Montigny-lès-Cormeilles', source: 'variant' },
    ]);
  });

  it('does not take a service of another establishment for the legal unit (SIREN 220900013: « ECO GOLF DEPARTEMENTAL DE L AR »)', () => {
    const identity = resolveBuyerIdentity(
      buyer('22090001300016', [{ name: 'BUDGET PRINCIPAL', count: 30 }], {
        siblings: [{ siret: '22090001300784', publishedNames: [{ name: 'ECO GOLF DEPARTEMENTAL DE L AR', count: 1 }] }],
      }),
    );
    expect(identity.status).toBe('unknown_legal_unit');
  });

  it('takes the legal unit from another establishment that publishes a legal unit’s name', () => {
    // The Charente département's names (SIRETs 22160001800016 and …545) with the main budget's name of another département.
    const identity = resolveBuyerIdentity(
      buyer('22160001800545', [{ name: 'BUDGET PRINCIPAL', count: 4 }], {
        siblings: [{ siret: '22160001800016', publishedNames: [{ name: 'Conseil Départemental de la Charente', count: 25 }] }],
      }),
    );
    expect(identity.values.name).toBe('Conseil Départemental de la Charente');
    expect(identity.explanation).toContain(
      'Unité légale : « Conseil Départemental de la Charente », nom publié par un autre établissement du même SIREN (SIRET 22160001800016).',
    );
  });
});

describe('resolveBuyerIdentity keeps what someone typed', () => {
  it('keeps a name changed since the last resolution, and says what the sources give', () => {
    const first = resolveBuyerIdentity(INDRE);
    const identity = resolveBuyerIdentity({
      ...INDRE,
      current: { ...first.values, name: 'Conseil départemental de l’Indre' },
      previous: first.written,
    });
    expect(identity.values.name).toBe('Conseil départemental de l’Indre');
    expect(identity.isNameKept).toBe(true);
    expect(identity.explanation).toContain(
      "Nom saisi dans Mutualis conservé (« Conseil départemental de l’Indre ») ; les sources donneraient « Département de l'Indre (Direction des Routes des Transports du Patrimoine et de l'Education) ».",
    );
  });

  it('keeps the name and kind of an organisation created by hand before it appeared in the DECP', () => {
    const identity = resolveBuyerIdentity({
      ...INDRE,
      current: { name: 'CD 36', kind: 'departement', inseeCode: '36044' },
      legalUnit: { siren: '223600016', name: "DEPARTEMENT DE L'INDRE", legalCategory: '7220', enterpriseCategory: null, isActive: true },
    });
    expect(identity.values).toEqual({ name: 'CD 36', kind: 'departement', inseeCode: '36044' });
  });

  it('keeps a kind corrected by the facilitator over a later SIRENE category', () => {
    const first = resolveBuyerIdentity(INDRE);
    const identity = resolveBuyerIdentity({
      ...INDRE,
      current: { ...first.values, kind: 'other_public' },
      previous: first.written,
      legalUnit: { siren: '223600016', name: "DEPARTEMENT DE L'INDRE", legalCategory: '7220', enterpriseCategory: null, isActive: true },
    });
    expect(identity.values.kind).toBe('other_public');
    expect(identity.kindSource).toBe('kept');
  });

  it('takes over a buyer the import first stored as a holder (SIRET 21760540100017, holder « Mairie de Rouen », buyer « Ville de Rouen »)', () => {
    const identity = resolveBuyerIdentity({
      ...buyer('21760540100017', [{ name: 'Ville de Rouen', count: 1 }]),
      current: { name: 'Mairie de Rouen', kind: 'sme', inseeCode: '76540' },
    });
    expect(identity.values).toEqual({ name: 'Ville de Rouen', kind: 'commune', inseeCode: '76540' });
  });

  it('keeps what someone typed on every later resolution too', () => {
    const typed = { ...INDRE, current: { name: 'CD 36', kind: 'departement' as const, inseeCode: '36044' } };
    const first = resolveBuyerIdentity(typed);
    const second = resolveBuyerIdentity({ ...typed, previous: first.written });
    expect([first.values.name, second.values.name, second.written.name]).toEqual(['CD 36', 'CD 36', null]);
  });

  it('names a holder stored under a stand-in from SIRENE, and sizes it by its catégorie d’entreprise', () => {
    const holder = (enterpriseCategory: string | null): BuyerIdentityInput => ({
      ...buyer('00541094900011', [], { isBuyer: false }),
      current: { name: 'Titulaire 00541094900011', kind: 'sme', inseeCode: '' },
      legalUnit: { siren: '005410949', name: 'A LA GRANDE FABRIQUE', legalCategory: '5599', enterpriseCategory, isActive: false },
    });
    expect(resolveBuyerIdentity(holder(null)).values).toEqual({ name: 'A LA GRANDE FABRIQUE', kind: 'sme', inseeCode: '' });
    expect(resolveBuyerIdentity(holder('GE')).values.kind).toBe('large_company');
    expect(resolveBuyerIdentity(holder(null)).explanation).toContain('Unité légale cessée selon SIRENE.');
  });
});
