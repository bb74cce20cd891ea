/**
 * Contractions of « de » and « à » with the article an organisation's name takes in French:
 * « du Département du Bas-Rhin », « de la Commune de Colmar », « de l’Hôpital civil »,
 * « des Hospices civils de Lyon », « de Strasbourg », « d’Alsace Toner Solidaire ».
 */
type Article = 'le' | 'la' | 'les' | 'l’' | null;

/** Head nouns of public bodies, by the article they take. Names starting otherwise are proper names (no article). */
const MASCULINE = [
  'Département',
  'Centre',
  'Groupe',
  'Groupement',
  'Syndicat',
  'Conseil',
  'Service',
  'Pôle',
  'Lycée',
  'Collège',
  'Musée',
  'Parc',
  'Port',
  'Rectorat',
  'Territoire',
  'CHU',
  'CHR',
  'CHRU',
  'CCAS',
  'CIAS',
  'SDIS',
  'SIVU',
  'SIVOM',
  'GHT',
];
const FEMININE = [
  'Commune',
  'Ville',
  'Métropole',
  'Communauté',
  'Région',
  'Collectivité',
  'Préfecture',
  'Direction',
  'Caisse',
  'Chambre',
  'Maison',
  'Mairie',
  'Régie',
];
const PLURAL = ['Hospices', 'Hôpitaux', 'Services', 'Communes', 'Établissements'];
const ELIDED = [
  'Hôpital',
  'Établissement',
  'Office',
  'Institut',
  'Eurométropole',
  'Université',
  'Agence',
  'Académie',
  'École',
  'Entente',
  'Union',
  'Association',
  'EHPAD',
  'Ehpad',
  'EPCI',
];

function articleOf(name: string): Article {
  const head = name.trim().split(/[\s,’'-]/u, 1)[0] ?? '';
  if (PLURAL.includes(head)) return 'les';
  if (ELIDED.includes(head)) return 'l’';
  if (MASCULINE.includes(head)) return 'le';
  if (FEMININE.includes(head)) return 'la';
  return null;
}

/** « le Département du Bas-Rhin », « l’Hôpital civil », « Strasbourg »: the name as the subject or object of a sentence. */
export function nameWithArticleFr(name: string): string {
  const article = articleOf(name);
  if (article === null) return name;
  return article === 'l’' ? `l’${name}` : `${article} ${name}`;
}

/** « de » + name: « du Département du Bas-Rhin », « de la Commune de Colmar », « des Hospices civils », « d’Alsace Toner ». */
export function ofNameFr(name: string): string {
  const article = articleOf(name);
  if (article === 'le') return `du ${name}`;
  if (article === 'les') return `des ${name}`;
  if (article !== null) return `de ${nameWithArticleFr(name)}`;
  return /^[AEIOUYÀÂÉÈÊËÎÏÔÛÜ]/iu.test(name) ? `d’${name}` : `de ${name}`;
}

/** « à » + name: « au Département du Bas-Rhin », « à la Commune de Colmar », « aux Hospices civils », « à Strasbourg ». */
export function toNameFr(name: string): string {
  const article = articleOf(name);
  if (article === 'le') return `au ${name}`;
  if (article === 'les') return `aux ${name}`;
  return `à ${nameWithArticleFr(name)}`;
}
