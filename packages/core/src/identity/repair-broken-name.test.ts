import { describe, expect, it } from 'vitest';
import { buildNameVocabulary, builtInNameVocabulary } from './name-vocabulary';
import { repairBrokenName } from './repair-broken-name';

const B = '\uFFFD';
const vocabulary = builtInNameVocabulary();

/** Real broken names of the AIFE file of the DECP dev split (accents replaced by U+FFFD at publication); the repairs read by hand. */
describe('repairBrokenName on real DECP buyer names', () => {
  it('repairs from a variant of the same SIRET that differs only where the name is broken (SIRET 21950424800010)', () => {
    const result = repairBrokenName(`Commune de Montigny-l${B}s-Cormeilles`, {
      variants: ['Commune de Montigny-lès-Cormeilles'],
      vocabulary: buildNameVocabulary([]),
    });
    expect(result).toEqual({
      text: 'Commune de Montigny-lès-Cormeilles',
      repairs: [{ broken: `Commune de Montigny-l${B}s-Cormeilles`, repaired: 'Commune de Montigny-lès-Cormeilles', source: 'variant' }],
      isStillBroken: false,
    });
  });

  it('repairs « D�partement de l Indre » word by word and restores its elisions (SIRET 22360001600016)', () => {
    const result = repairBrokenName(`D${B}partement de l Indre Direction des Routes des Transports du Patrimoine et de l Education`, {
      vocabulary,
    });
    expect(result.text).toBe("Département de l'Indre Direction des Routes des Transports du Patrimoine et de l'Education");
    expect(result.repairs.map((r) => [r.source, r.source === 'vocabulary' ? r.repaired : ''])).toEqual([
      ['vocabulary', 'Département'],
      ['apostrophe', ''],
    ]);
    expect(result.isStillBroken).toBe(false);
  });

  it.each([
    [`Mairie Jou${B}-l${B}s-Tours`, 'Mairie Joué-lès-Tours'],
    [`DEL - Direction de l'${B}ducation et des lyc${B}es`, "DEL - Direction de l'éducation et des lycées"],
    [`Communaut${B} d' Agglom${B}ration de Lens Lievin`, "Communauté d'Agglomération de Lens Lievin"],
    [`Institut des maladies g${B}n${B}tiques Imagine`, 'Institut des maladies génétiques Imagine'],
    [`Groupe Hospitalier La Rochelle - R${B} - Aunis`, 'Groupe Hospitalier La Rochelle - Ré - Aunis'],
    [`Mairie de Sotteville L${B}s Rouen`, 'Mairie de Sotteville Lès Rouen'],
    [`Universit${B} de Technologie de Compi${B}gne`, 'Université de Technologie de Compiègne'],
    [`CAISSE CENTRALE MSA${B}${B}${B}`, 'CAISSE CENTRALE MSA'],
    [`MSA DES CHARENTES${B}`, 'MSA DES CHARENTES'],
  ])('repairs « %s » into « %s »', (broken, repaired) => {
    const result = repairBrokenName(broken, { vocabulary });
    expect(result.text).toBe(repaired);
    expect(result.isStillBroken).toBe(false);
  });

  it('leaves what no source spells as published, and says so (« GIP LAB�O », « SAEM C�novia »)', () => {
    for (const name of [`GIP LAB${B}O`, `SAEM C${B}novia`])
      expect(repairBrokenName(name, { vocabulary })).toEqual({ text: name, repairs: [], isStillBroken: true });
  });

  it('never picks between spellings when none dominates (« pr�s »: près twice, prés once is 67 % < 80 %)', () => {
    const ambiguous = buildNameVocabulary(['Prés', 'Près', 'Près']);
    expect(repairBrokenName(`Pr${B}s du lac`, { vocabulary: ambiguous }).isStillBroken).toBe(true);
    const dominant = buildNameVocabulary(['Prés', 'Près', 'Près', 'Près', 'Près']);
    expect(repairBrokenName(`Pr${B}s du lac`, { vocabulary: dominant }).text).toBe('Près du lac');
  });

  it('writes the letter in the case of the name (capitals in a name in capitals, a capital opening the name)', () => {
    expect(repairBrokenName(`D${B}PARTEMENT DU VAR`, { vocabulary }).text).toBe('DÉPARTEMENT DU VAR');
    expect(repairBrokenName(`${B}cole nationale`, { vocabulary: buildNameVocabulary(['école']) }).text).toBe('École nationale');
  });

  it('leaves a sound name alone', () => {
    expect(repairBrokenName('Ville de Lyon', { vocabulary })).toEqual({ text: 'Ville de Lyon', repairs: [], isStillBroken: false });
  });
});
