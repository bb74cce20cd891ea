import { foldText } from '../cpv/cpv-catalog';

/**
 * What a published buyer name designates:
 * - `legal`: a legal unit (« Département du Var », « SDIS 31 Haute Garonne »);
 * - `legal_with_unit`: a legal unit followed by one of its budgets or services (« COMMUNE SCIONZIER
 *   BUDGET VILLE », « Mairie de Niort (Service marchés publics) », « TM / Direction Jardins … »);
 * - `unit`: a budget or a service alone (« BUDGET PRINCIPAL », « Direction de la Maintenance »);
 * - `generic`: a word that names no one in particular (« VILLE », « MAIRIE »);
 * - `groupement`: a groupement de commandes (« Groupement de commande Commune de … / C.C.A.S. … »);
 * - `empty`: nothing published.
 */
export type BuyerNameShape = 'legal' | 'legal_with_unit' | 'unit' | 'generic' | 'groupement' | 'empty';

/** `budget_principal`: the main budget (the legal unit itself); `purchasing`: its purchasing service; `mandate`: a body acting for another. */
export type BuyerUnitKind = 'budget_principal' | 'budget_annexe' | 'purchasing' | 'service' | 'mandate';

export interface BuyerNameReading {
  shape: BuyerNameShape;
  /** The part naming the legal unit, when the name has one. */
  legalPart: string | null;
  /** The part naming a budget or a service. */
  unitPart: string | null;
  unitKind: BuyerUnitKind | null;
}

/** U+FFFD stands for any accented letter: each of these letters may have been one. */
const tolerant = (source: string): string => source.replace(/[aeiouc]/g, (ch) => `[${ch}\uFFFD]`);
const re = (source: string): RegExp => new RegExp(tolerant(source));

const GENERIC = re('^(ville|mairie|commune|ccas|cias|departement|region|service|services|budget|direction|acheteur)$');
const GROUPEMENT = re('^groupement\\b(?! (d.interet|hospitalier|de cooperation|d.employeurs|regional))');
const BUDGET = re('(exercice budgetaire|budget|budg\\.)');
const BUDGET_PRINCIPAL = re('^(budg(et|\\.) ?(prin\\w*\\.?|ville|general|communal)(?=\\s|$)|budget$|exercice budgetaire$)');
/** « … - BP », « HAGUENAU BP », « VILLE DE DUNKERQUE - PRINCIPAL »: the main budget. */
const BP_SUFFIX = /(\s-\s?|\s)(bp|principal)$/;
const MANDATE = / agissant (au nom|pour)/;
/** « HAGUENAU ASSAINISSEMENT », « SDIS CANTINE »: a name in capitals ending with the service of an annex budget. */
const ANNEX_SUFFIX = /\s(CANTINE|ASSAINISSEMENT|EAU|EAUX|OM|DECHETS|TRANSPORTS?|RESTAURATION|PARKINGS?|LOTISSEMENTS?)$/;
/** « ORDURES MENAGERES CO COM »: the service of an annex budget, then an abbreviation of its legal unit. */
const ANNEX_PREFIX = /^(ORDURES MENAGERES|ASSAINISSEMENT|EAU POTABLE|CANTINE|RESTAURATION SCOLAIRE)\b/;
/** Words only a legal unit's name holds (a commune, a département, an EPCI, a hospital, an SDIS, a ministry…). */
const LEGAL_FORM = re(
  '\\b(commune|ville|mairie|departement|conseil departemental|conseil general|region|conseil regional|communaute|metropole|agglomeration|' +
    'syndicat|sdis|service departemental d.incendie|centre hospitalier|hopital|chu|ccas|centre communal|office public|oph|universite|' +
    'ministere|prefecture|etablissement public|collectivite)\\b',
);
/** A segment that starts a budget or a service: the words buyers put before a service's name. */
const UNIT_START = re(
  '^(direction|dir\\.|sous-direction|dga|dgs|dgd|dgst|dst|drh|dsi|daf|service|services|pole|cellule|bureau|division|mission|delegation|' +
    'plate[- ]?forme|plateforme|secretariat general|achats?|marches( publics)?|commande publique|formalises|mapa|unite)\\b',
);
/** Legal units whose name starts like a service (SDIS, services of the Prime Minister, PETR, missions locales…). */
const LEGAL_DESPITE_START = re(
  '^(services? (departemental|depart\\.|d.incendie|incendie|du premier ministre|publics? (de|d.|du))|pole (d.equilibre|metropolitain)|mission locale|bureau veritas)',
);
const PURCHASING = re('(march|commande publique|achat|formalis|mapa)');
const PURCHASING_SUFFIX = re('[\\s-]+(marches( publics)?|commande publique|achats|acheteur)$');
/** An acronym of a direction (DSI, DRH, DCOM, DAPJ, DCE1): a service of the State or of a local authority. */
const DIRECTION_ACRONYM = /^D[A-Z]{1,3}\d*$/;
/** A capitalised « Direction » or « Service » inside a mixed-case name starts its service part. */
const INLINE_UNIT = /\s(Direction|Service|Pôle|P\uFFFDle|Cellule)\s/u;
const SEPARATORS = /(\s\/\s|\s-\s)/;
const TRIM = /^[\s\-–/,:;.()]+|[\s\-–/,:;.()]+$/g;

/**
 * Reads a published buyer name (DECP `acheteur.nom`): which part names the legal unit, which a
 * budget or a service of it. The rules come from the names of the real DECP records of the dev split:
 * budgets (« BUDGET PRINCIPAL », « CCPI BUDGET ANNEXE DECHETS », « … - BP »), services that open
 * with « Direction », « Service », « Pôle », « Cellule », « Délégation », a direction acronym
 * (« DSI »), purchasing services (« … (Service marchés publics) », « SERL marchés »), a body
 * acting for another (« … agissant au nom et pour le compte de … »), groupements and generic words.
 */
export function readBuyerName(published: string): BuyerNameReading {
  const text = published.normalize('NFC').replace(/\s+/g, ' ').trim();
  const folded = fold(text);
  if (text === '') return reading('empty', null, null, null);
  // « VILLE 02700 »: a generic word and a postcode.
  if (GENERIC.test(folded.replace(/\s*\(?\d{5}\)?$/, ''))) return reading('generic', null, null, null);
  if (GROUPEMENT.test(folded)) return reading('groupement', null, text, null);
  return readBudget(text, folded) ?? readMandate(text, folded) ?? readService(text, folded) ?? reading('legal', text, null, null);
}

function readBudget(text: string, folded: string): BuyerNameReading | null {
  const found = BUDGET.exec(folded);
  if (found === null) {
    const bp = BP_SUFFIX.exec(folded);
    if (bp !== null) return withLegal(text.slice(0, bp.index), text.slice(bp.index), 'budget_principal');
    if (text !== text.toUpperCase()) return null;
    if (ANNEX_PREFIX.test(text)) return reading('unit', null, text, 'budget_annexe');
    const annex = ANNEX_SUFFIX.exec(text);
    return annex === null ? null : withLegal(text.slice(0, annex.index), text.slice(annex.index), 'budget_annexe');
  }
  const rest = folded.slice(found.index);
  const principal = BUDGET_PRINCIPAL.exec(rest);
  if (principal !== null) {
    const end = found.index + principal[0].length;
    return withLegal(`${text.slice(0, found.index)} ${text.slice(end)}`, text.slice(found.index, end), 'budget_principal');
  }
  return withLegal(text.slice(0, found.index), text.slice(found.index), 'budget_annexe');
}

function readMandate(text: string, folded: string): BuyerNameReading | null {
  const found = MANDATE.exec(folded);
  return found === null ? null : withLegal(text.slice(0, found.index), text.slice(found.index + 1), 'mandate');
}

function readService(text: string, folded: string): BuyerNameReading | null {
  if (startsUnit(text, folded)) return reading('unit', null, text, unitKindOf(folded));
  const parenthesis = /\(([^()]*)\)\s*$/.exec(text);
  if (parenthesis !== null && startsUnit(parenthesis[1] ?? '', fold(parenthesis[1] ?? '')))
    return withLegal(text.slice(0, parenthesis.index), parenthesis[1] ?? '', unitKindOf(fold(parenthesis[1] ?? '')));
  const parts = text.split(SEPARATORS);
  for (let i = 2; i < parts.length; i += 2) {
    const rest = parts.slice(i).join('');
    const isHierarchy = parts[i - 1] === ' / ' && (hasUnitWord(rest) || /^[A-Z]{1,4}$/.test((parts[i - 2] ?? '').trim()));
    if (isHierarchy || startsUnit(parts[i] ?? '', fold(parts[i] ?? ''))) {
      const legal = parts.slice(0, i - 1).join('');
      if (DIRECTION_ACRONYM.test(legal.trim())) return reading('unit', null, text, unitKindOf(folded));
      return withLegal(legal, rest, unitKindOf(fold(rest)));
    }
  }
  const inline = text === text.toUpperCase() ? null : INLINE_UNIT.exec(text);
  if (inline !== null && !LEGAL_DESPITE_START.test(folded.slice(inline.index + 1)))
    return withLegal(text.slice(0, inline.index), text.slice(inline.index + 1), unitKindOf(folded.slice(inline.index + 1)));
  const suffix = PURCHASING_SUFFIX.exec(folded);
  if (suffix !== null && suffix.index > 0) return withLegal(text.slice(0, suffix.index), text.slice(suffix.index), 'purchasing');
  return null;
}

const LEADING_KINDS: [RegExp, 'commune' | 'epci' | 'departement' | 'region'][] = [
  [re('\\b(commune|mairie|ville)\\b'), 'commune'],
  [re('\\b(communaute|metropole|agglomeration)\\b'), 'epci'],
  [re('\\b(conseil departemental|departement|conseil general)\\b'), 'departement'],
  [re('\\b(conseil regional|region)\\b'), 'region'],
];

/**
 * The kind of local authority a name says it is, by the first such word in it: « Communauté
 * d'agglomération de la Région Nazairienne » is an EPCI, « Commune de Vire Normandie » a commune.
 */
export function localAuthorityKindOfName(name: string): 'commune' | 'epci' | 'departement' | 'region' | null {
  const folded = fold(name);
  let best: { at: number; kind: 'commune' | 'epci' | 'departement' | 'region' } | null = null;
  for (const [pattern, kind] of LEADING_KINDS) {
    const found = pattern.exec(folded);
    if (found !== null && (best === null || found.index < best.at)) best = { at: found.index, kind };
  }
  return best?.kind ?? null;
}

/** Whether a name holds a word only a legal unit's name holds (« Département », « Communauté », « SDIS »…). */
export function hasLegalForm(name: string): boolean {
  return LEGAL_FORM.test(fold(name));
}

function startsUnit(text: string, folded: string): boolean {
  const trimmed = text.trim();
  const [first = '', ...rest] = trimmed.split(' ');
  // « DSI » alone, or « DMT Déchets et moyens techniques »: not « DAX AGGLOMERATION ».
  if (DIRECTION_ACRONYM.test(first) && (rest.length === 0 || /\p{Ll}/u.test(rest.join(' ')))) return true;
  return UNIT_START.test(folded.trim()) && !LEGAL_DESPITE_START.test(folded.trim());
}

function hasUnitWord(text: string): boolean {
  return text
    .split(/[\s\-/]+/)
    .some((word, i, words) => startsUnit(words.slice(i).join(' '), fold(words.slice(i).join(' '))) && word !== '');
}

function unitKindOf(folded: string): BuyerUnitKind {
  return PURCHASING.test(folded) ? 'purchasing' : 'service';
}

/** The legal part, when what is left names something (not only digits, separators or a generic word). */
function withLegal(legal: string, unit: string, unitKind: BuyerUnitKind): BuyerNameReading {
  const cleaned = legal
    .replace(/^\d+(?=[\s\-\p{L}])/u, '')
    .replace(/(\s-\s\d+)+\s*$/, '')
    .replace(TRIM, '')
    .replace(/\s+/g, ' ');
  const unitPart = unit.replace(TRIM, '').replace(/\s+/g, ' ');
  const hasName = (cleaned.match(/\p{L}/gu) ?? []).length >= 2 && !GENERIC.test(fold(cleaned));
  return hasName ? reading('legal_with_unit', cleaned, unitPart, unitKind) : reading('unit', null, unitPart, unitKind);
}

function reading(
  shape: BuyerNameShape,
  legalPart: string | null,
  unitPart: string | null,
  unitKind: BuyerUnitKind | null,
): BuyerNameReading {
  return { shape, legalPart, unitPart, unitKind };
}

/** Folded text the same length as the original (so positions carry over); lower case only when folding would shift them. */
function fold(text: string): string {
  const folded = foldText(text);
  return folded.length === text.length ? folded : text.toLowerCase();
}
