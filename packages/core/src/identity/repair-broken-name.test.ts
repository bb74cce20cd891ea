import { describe, expect, it } from 'vitest';
import { buildNameVocabulary, builtInNameVocabulary } from './name-vocabulary';
import { repairBrokenName, repairBrokenText } from './repair-broken-name';

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

/**
 * Real objets of the AIFE file of the DECP dev split (records by index in its list), accents
 * replaced by U+FFFD at publication; the expected text read by hand, word by word: a word is
 * restored when the built-in vocabulary (CPV labels, official place names) spells it one way.
 */
describe('repairBrokenText on real DECP objets', () => {
  it('restores every word the vocabulary spells (record 10, 2018-rP-CC6a0d00)', () => {
    const result = repairBrokenText(
      `Cr${B}ation d'une r${B}serve d${B}partementale de biodiversit${B} en Corr${B}ze dans le cadre de la restauration des ` +
        `gravi${B}res d'Argentat - R${B}alisation de travaux forestiers et gestion des esp${B}ces invasives.`,
      vocabulary,
    );
    // « biodiversité » is in no CPV label, place name or objet word: left as published.
    expect(result.text).toBe(
      `Création d'une réserve départementale de biodiversit${B} en Corrèze dans le cadre de la restauration des ` +
        `gravières d'Argentat - Réalisation de travaux forestiers et gestion des espèces invasives.`,
    );
    expect(result.isStillBroken).toBe(true);
    expect(result.repairs.every((r) => r.source === 'vocabulary')).toBe(true);
  });

  it('reads « N° » before a number, and leaves a lone U+FFFD elsewhere (record 268, 2018Sop820P79z00)', () => {
    const result = repairBrokenText(
      `N${B}18M280AO - PR-HZ - MISSION D'ASSISTANCE ${B} MA${B}TRISE D'OUVRAGE EN MATI${B}RE DE  COMMUNICATION`,
      vocabulary,
    );
    // Without the numero rule, the vocabulary would read « N� » as « NÉ » (« né » of the place names).
    expect(result.text).toBe(`N°18M280AO - PR-HZ - MISSION D'ASSISTANCE ${B} MAÎTRISE D'OUVRAGE EN MATIÈRE DE  COMMUNICATION`);
    expect(result.repairs[0]).toEqual({ broken: `N${B}18`, repaired: 'N°18', source: 'numero' });
  });

  it('reads « à » between two numbers, in the case of the text (record 188, 2018J34zy-y8YH00)', () => {
    const result = repairBrokenText(`DIAGNOSTICS ET PRESTATIONS - ANNEES 2019 ${B} 2021.`, vocabulary);
    expect(result).toEqual({
      text: 'DIAGNOSTICS ET PRESTATIONS - ANNEES 2019 À 2021.',
      repairs: [{ broken: `2019 ${B} 2021`, repaired: '2019 À 2021', source: 'range' }],
      isStillBroken: false,
    });
    expect(repairBrokenText(`Lots 1 ${B} 13`, vocabulary).text).toBe('Lots 1 à 13');
  });

  it('leaves the lone U+FFFD that stood for guillemets (record 678, 2018Yfc-fumqnN00)', () => {
    const result = repairBrokenText(
      `Mission d'Assistance ${B} Ma${B}trise d'Ouvrage (AMO) ${B} M${B}diation chantiers ${B} dans le cadre`,
      vocabulary,
    );
    expect(result.text).toBe(`Mission d'Assistance ${B} Maîtrise d'Ouvrage (AMO) ${B} Médiation chantiers ${B} dans le cadre`);
  });

  it('reads « à » before a lower-case word that follows « à » in the CPV labels (records 172, 532 and 2596)', () => {
    // « à la », « à l' », « à eau » are in the CPV labels; « associés » is a vocabulary word.
    expect(
      repairBrokenText(
        `Accord-cadre relatif ${B} la fourniture et ${B} l'acheminement de gaz naturel et prestations de services associ${B}s.`,
        vocabulary,
      ).text,
    ).toBe("Accord-cadre relatif à la fourniture et à l'acheminement de gaz naturel et prestations de services associés.");
    const fountains = repairBrokenText(`Location, maintenance de fontaines ${B} eau sur r${B}seau`, vocabulary);
    expect(fountains.text).toBe('Location, maintenance de fontaines à eau sur réseau');
    expect(fountains.repairs[0]).toEqual({ broken: `${B} eau`, repaired: 'à eau', source: 'preposition' });
    // A capital may open a place name after a dash as well as after « à »: left.
    expect(repairBrokenText(`AMO pour la conception r${B}alisation de 39 logements ${B} Saint Maximin`, vocabulary).text).toBe(
      `AMO pour la conception réalisation de 39 logements ${B} Saint Maximin`,
    );
    // In texts in capitals the well-written objets show dashes before these words (« - LA PISCINE »), never « À »: left.
    expect(repairBrokenText(`MISE ${B} DISPOSITION DE BENNES`, vocabulary).text).toBe(`MISE ${B} DISPOSITION DE BENNES`);
  });

  it('changes nothing in a text without U+FFFD', () => {
    expect(repairBrokenText('Lot 2 : 1 - 3 rue de l Église, n 4', vocabulary)).toEqual({
      text: 'Lot 2 : 1 - 3 rue de l Église, n 4',
      repairs: [],
      isStillBroken: false,
    });
  });
});
