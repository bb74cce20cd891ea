import cpvData from '../reference/cpv-2008.json' with { type: 'json' };
import geoData from '../reference/geo.json' with { type: 'json' };

/** Words of correctly written French names, with how often each was seen, to repair broken accents. */
export interface NameVocabulary {
  /** Lower-case words by their `brokenKey`, each with its count. */
  readonly byKey: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Words met right after the preposition « à » (« à usage », « à la », « à disposition »). */
  readonly afterA: ReadonlySet<string>;
}

const WORD = /[\p{L}]+/gu;
const NON_ASCII_LETTER = /[\u0080-\uffff]/;
const NON_ASCII = /[\u0080-\uffff]/g;
/** « à » as a word, and the lower-case word after it. */
const AFTER_A = /(?<![\p{L}\p{N}])à\s+(\p{Ll}+)/gu;

/**
 * Words of public buyers' names that carry an accent and that neither the commune names nor the
 * CPV labels spell (seen broken in the real DECP records of the dev split).
 */
const BUYER_WORDS = [
  'agglomération agglomérations communauté communautés métropole métropoles métropolitain métropolitaine département',
  'départements départemental départementale départementaux région régions régional régionale régionaux régie régies',
  'société sociétés établissement établissements délégation délégations préfecture ministère ministères général générale',
  'généraux intérêt coopération hôpital hôpitaux hospitalière santé sécurité éducation lycée lycées collège collèges',
  'université universités école écoles énergie électricité équipement équipements opérations prévoyance développement',
  'économique économiques économie pôle pôles attractivité déchets marché marchés formalisés formalisé procédures',
  'entités gérontologique thérapeutique pénitentiaire défense armées outre-mer île îles aéroport aéronautique océan',
  'métiers chambre réseau réseaux système systèmes télécommunications numérique catégorie génétiques génétique',
  'maladies médical médicale médicaux médico-social hébergement personnes âgées dépendantes centre-val régénération',
  'mobilité mobilités activités sécurité',
].flatMap((line) => line.split(' '));

/**
 * A lower-case word as a broken publication would show it: each non-ASCII character read as
 * U+FFFD. A word can repair a broken one only if both have the same key (`repairBrokenName`).
 */
export function brokenKey(word: string): string {
  return word.replace(NON_ASCII, '\uFFFD');
}

/**
 * Words of contracts' objets that carry an accent and that neither the place names nor the CPV
 * labels spell, among the most frequent seen broken in the real DECP records of the dev split
 * (each also met correctly spelled in the objets of the other platforms); « ème », « ère » end
 * ordinals (« 2�me » → « 2ème »).
 */
const OBJET_WORDS = [
  'année années résidence résidences élémentaire élémentaires accessibilité réaménagement réglementaire réglementaires',
  'signalétique médiathèque médiathèques différents différentes allée allées façonnage réservoir réservoirs',
  'vidéoprotection schéma schémas sécurisation médiation évolution évolutive évolutif siège déconstruction sélective',
  'situé située situés situées occupé première opérationnelle opérationnel dépose foncière foncières réserve été',
  'ème ère èmes ères',
].flatMap((line) => line.split(' '));

/** Counts the words of `texts` that carry a non-ASCII letter (only those can repair a broken one). */
export function buildNameVocabulary(texts: Iterable<string>, base?: NameVocabulary): NameVocabulary {
  const byKey = new Map<string, Map<string, number>>();
  for (const [key, words] of base?.byKey ?? []) byKey.set(key, new Map(words));
  const afterA = new Set(base?.afterA);
  for (const text of texts) {
    if (text.includes('\uFFFD')) continue;
    for (const match of text.matchAll(AFTER_A)) afterA.add(match[1] as string);
    for (const match of text.matchAll(WORD)) {
      const word = match[0].toLowerCase();
      if (!NON_ASCII_LETTER.test(word)) continue;
      const key = brokenKey(word);
      let words = byKey.get(key);
      if (words === undefined) {
        words = new Map();
        byKey.set(key, words);
      }
      words.set(word, (words.get(word) ?? 0) + 1);
    }
  }
  return { byKey, afterA };
}

let builtIn: NameVocabulary | undefined;

/**
 * The vocabulary shipped with the product: the names of the communes, départements, régions and
 * EPCI of the Code officiel géographique, the French labels of CPV 2008, `BUYER_WORDS` and `OBJET_WORDS`. Built
 * once on first use.
 */
export function builtInNameVocabulary(): NameVocabulary {
  if (builtIn) return builtIn;
  const texts: string[] = [...BUYER_WORDS, ...OBJET_WORDS];
  for (const row of geoData.communes as string[][]) texts.push(row[1] ?? '');
  for (const row of geoData.departements as string[][]) texts.push(row[1] ?? '');
  for (const row of geoData.regions as string[][]) texts.push(row[1] ?? '');
  for (const row of geoData.epci as string[][]) texts.push(row[1] ?? '');
  for (const row of cpvData.codes as string[][]) texts.push(row[2] ?? '');
  builtIn = buildNameVocabulary(texts);
  return builtIn;
}
