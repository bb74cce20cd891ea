import { formatDateFr } from '../calendar/iso-date';
import { guessBuyerKind, kindFromName } from '../decp/guess-buyer-kind';
import type { OrganizationKind } from '../domain/types';
import { getCommune } from '../geo/communes';
import { explainBuyerIdentity } from './explain-buyer-identity';
import { findReferenceLegalUnit, type ReferenceLegalUnit } from './find-reference-legal-unit';
import { kindOfLegalCategory } from './legal-categories';
import type { NameVocabulary } from './name-vocabulary';
import { type BuyerNameReading, type BuyerUnitKind, hasLegalForm, localAuthorityKindOfName, readBuyerName } from './read-buyer-name';
import { type NameRepair, repairBrokenName } from './repair-broken-name';
import { sirenOf } from './siret';

/** A name as published in the DECP for one SIRET, with the number of its records that bear it. */
export interface PublishedName {
  name: string;
  count: number;
}

/** What the SIRENE establishment stock says of one SIRET. */
export interface SireneEstablishment {
  siret: string;
  /** `denominationUsuelleEtablissement`, else `enseigne1Etablissement`. */
  name: string | null;
  /** `codeCommuneEtablissement` (null abroad or when not diffused). */
  inseeCode: string | null;
  /** `etatAdministratifEtablissement` = A. */
  isActive: boolean;
}

/** What the SIRENE legal-unit stock says of one SIREN. */
export interface SireneLegalUnit {
  siren: string;
  /** `denominationUniteLegale`, else `denominationUsuelle1UniteLegale` (null for a person). */
  name: string | null;
  /** `categorieJuridiqueUniteLegale`, 4 digits. */
  legalCategory: string;
  /** `categorieEntreprise`: PME, ETI, GE, or null. */
  enterpriseCategory: string | null;
  isActive: boolean;
}

/** The values a resolution sets on the organisation. */
export interface IdentityValues {
  name: string;
  kind: OrganizationKind;
  inseeCode: string;
}

/** Per field, the value the resolutions last wrote (null: never written, what is there was typed or imported). */
export type WrittenValues = { [K in keyof IdentityValues]: IdentityValues[K] | null };

export interface BuyerIdentityInput {
  siret: string;
  /** The organisation as stored. */
  current: IdentityValues;
  /** What the resolutions wrote so far (`BuyerIdentity.written`): a value changed since was typed by someone and stays. Null before the first. */
  previous: WrittenValues | null;
  /** The organisation is a DECP buyer (even one whose records publish no name, as the 2024 format's). */
  isBuyer: boolean;
  publishedNames: readonly PublishedName[];
  /** The other establishments of the same SIREN and their published names. */
  siblings: readonly { siret: string; publishedNames: readonly PublishedName[] }[];
  establishment: SireneEstablishment | null;
  legalUnit: SireneLegalUnit | null;
  vocabulary: NameVocabulary;
}

/**
 * - `legal_unit`: the name is a legal unit's;
 * - `unit_of_legal_unit`: the SIRET publishes under a budget or service name, shown after its legal unit's;
 * - `unknown_legal_unit`: it publishes only a budget, service or generic name, and no source names its legal unit;
 * - `kept`: nothing to go on (no published name, no SIRENE, no reference): the name stays.
 */
export type BuyerIdentityStatus = 'legal_unit' | 'unit_of_legal_unit' | 'unknown_legal_unit' | 'kept';
export type LegalNameSource = 'published' | 'sibling' | 'reference' | 'sirene';

export interface LegalNameCandidate {
  text: string;
  source: LegalNameSource;
  /** The SIRET that published it (`published`, `sibling`). */
  siret: string | null;
  count: number;
}

export interface BuyerIdentity {
  /** The values to store (a value someone typed is kept: see `isNameKept`). */
  values: IdentityValues;
  /** Per field, the value resolutions have written (this one's, or an earlier one's when this one kept what someone typed): the next `previous`. */
  written: WrittenValues;
  status: BuyerIdentityStatus;
  /** The name the sources give, whether stored or not. */
  resolvedName: string;
  legal: LegalNameCandidate | null;
  unit: { text: string; kind: BuyerUnitKind } | null;
  repairs: NameRepair[];
  /** Some published character stays illegible (U+FFFD). */
  isStillBroken: boolean;
  /** A published name that says it is another local authority than the one the official list gives its SIREN. */
  conflict: { published: string; officialName: string } | null;
  isNameKept: boolean;
  kindSource: 'sirene' | 'reference' | 'name' | 'kept';
  locationSource: 'sirene' | 'reference' | 'kept';
  /** For the facilitator: a guessed repair, an illegible character or an unknown legal unit. */
  isToReview: boolean;
  /** Why, in French, one sentence a line. */
  explanation: string[];
}

interface ReadName extends PublishedName {
  text: string;
  repairs: NameRepair[];
  isStillBroken: boolean;
  reading: BuyerNameReading;
}

/**
 * Who a buyer SIRET is: its names as published (accents repaired, budget and service names
 * recognised), the other establishments of its SIREN, the official lists of communes and EPCI, and
 * SIRENE when imported. A budget or service name is never shown as a legal unit's: it follows its
 * legal unit's name in brackets, or « Unité légale SIREN … » when none is known. Values someone
 * typed in Mutualis are kept. Pure: every source is passed in.
 */
export function resolveBuyerIdentity(input: BuyerIdentityInput): BuyerIdentity {
  const siren = sirenOf(input.siret);
  const own = readNames(input.publishedNames, input.vocabulary);
  const reference = findReferenceLegalUnit(siren);
  const legal = chooseLegalName({ own, input, reference, siren });
  const top = own[0];
  const unit = legal?.source === 'published' && legal.tier === 0 ? null : unitOf(top);
  const resolvedName = nameOf({ legal, unit, top, siren, current: input.current.name });
  const status: BuyerIdentityStatus =
    legal === null
      ? top === undefined || top.reading.shape === 'empty'
        ? 'kept'
        : 'unknown_legal_unit'
      : unit === null
        ? 'legal_unit'
        : 'unit_of_legal_unit';
  const isNameKept = !isWritable(input, 'name', machineNames(input, own));
  // The kind the names say: the legal part of each published name, most used first, then the legal unit's name.
  const namedKinds = [...own.map((n) => n.reading.legalPart), legal?.text ?? null].flatMap((text) =>
    text === null ? [] : [kindFromName(text)],
  );
  const kind = kindOf(input, namedKinds.find((k) => k !== null) ?? null, reference);
  const location = locationOf(input, reference);
  const repairs = own.flatMap((n) => n.repairs);
  const conflicting =
    legal?.source === 'reference'
      ? own.find((n) => n.reading.legalPart !== null && isConflicting(n.reading.legalPart, reference))
      : undefined;
  const isStillBroken = resolvedName.includes('\uFFFD');
  const values: IdentityValues = { name: isNameKept ? input.current.name : resolvedName, kind: kind.value, inseeCode: location.value };
  const identity: Omit<BuyerIdentity, 'explanation'> = {
    values,
    written: {
      name: isNameKept ? (input.previous?.name ?? null) : values.name,
      kind: kind.source === 'kept' && !isWritable(input, 'kind', new Set()) ? (input.previous?.kind ?? null) : values.kind,
      inseeCode:
        location.source === 'kept' && !isWritable(input, 'inseeCode', new Set()) ? (input.previous?.inseeCode ?? null) : values.inseeCode,
    },
    status,
    resolvedName,
    legal: legal === null ? null : { text: legal.text, source: legal.source, siret: legal.siret, count: legal.count },
    unit,
    repairs,
    isStillBroken,
    conflict: conflicting === undefined ? null : { published: conflicting.text, officialName: legal?.text ?? '' },
    isNameKept,
    kindSource: kind.source,
    locationSource: location.source,
    isToReview:
      isStillBroken ||
      status === 'unknown_legal_unit' ||
      conflicting !== undefined ||
      (legal?.tier ?? 0) >= 5 ||
      repairs.some((r) => r.source === 'vocabulary' || r.source === 'trailing'),
  };
  return { ...identity, explanation: explainBuyerIdentity({ identity, input, own, reference }) };
}

/** Published names repaired and read, most used first. */
function readNames(names: readonly PublishedName[], vocabulary: NameVocabulary): ReadName[] {
  const sorted = [...names].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return sorted.map((published) => {
    const variants = sorted.filter((other) => other.name !== published.name).map((other) => other.name);
    const repaired = repairBrokenName(published.name, { variants, vocabulary });
    return {
      ...published,
      text: repaired.text,
      repairs: repaired.repairs,
      isStillBroken: repaired.isStillBroken,
      reading: readBuyerName(repaired.text),
    };
  });
}

interface RankedCandidate extends LegalNameCandidate {
  /** 0 a clean legal name of this SIRET, 1 the official list, 2 a clean legal part of its names, 3 another establishment's, 4 SIRENE, 5 broken or a bare acronym. */
  tier: number;
}

function chooseLegalName({
  own,
  input,
  reference,
  siren,
}: {
  own: readonly ReadName[];
  input: BuyerIdentityInput;
  reference: ReferenceLegalUnit | null;
  siren: string;
}): RankedCandidate | null {
  const candidates: RankedCandidate[] = [];
  for (const name of own) candidates.push(...legalCandidates(name, input.siret, 'published', 0).map((c) => withConflict(c, reference)));
  for (const sibling of input.siblings)
    for (const name of readNames(sibling.publishedNames, input.vocabulary))
      candidates.push(...legalCandidates(name, sibling.siret, 'sibling', 3));
  if (reference) candidates.push({ text: reference.name, source: 'reference', siret: null, count: 0, tier: 1 });
  const sirene = input.legalUnit?.siren === siren ? input.legalUnit.name : null;
  if (sirene) candidates.push({ text: sirene, source: 'sirene', siret: null, count: 0, tier: 4 });
  return [...candidates].sort(byRank)[0] ?? null;
}

/**
 * A published name that says it is another kind of local authority than the one its SIREN
 * belongs to (« Commune de Vire Normandie » under the SIREN of CC Intercom de la Vire au
 * Noireau) names someone else: the official list's name goes first.
 */
function withConflict(candidate: RankedCandidate, reference: ReferenceLegalUnit | null): RankedCandidate {
  return isConflicting(candidate.text, reference) ? { ...candidate, tier: 5 } : candidate;
}

function isConflicting(name: string, reference: ReferenceLegalUnit | null): boolean {
  const said = localAuthorityKindOfName(name);
  return reference !== null && said !== null && said !== reference.kind;
}

function legalCandidates(name: ReadName, siret: string, source: 'published' | 'sibling', baseTier: number): RankedCandidate[] {
  const { reading } = name;
  const isFull = reading.shape === 'legal';
  const text = isFull ? name.text : reading.shape === 'legal_with_unit' ? reading.legalPart : null;
  if (text === null) return [];
  const isWeak = name.isStillBroken || (!isFull && /^\S{1,5}$/.test(text));
  // Another establishment's name tells its legal unit only when it reads like one (« ECO GOLF
  // DEPARTEMENTAL » is a service of a département, « Département de l'Ariège » would be the département).
  if (source === 'sibling' && (isWeak || !hasLegalForm(text))) return [];
  const tier = isWeak ? 5 : source === 'published' ? (isFull ? 0 : 2) : baseTier;
  return [{ text, source, siret, count: name.count, tier }];
}

/** Tier, then mixed case over capitals only (« Orléans Métropole » over « ORLEANS METROPOLE »), then use, then text. */
function byRank(a: RankedCandidate, b: RankedCandidate): number {
  return (
    a.tier - b.tier ||
    Number(isAllCaps(a.text)) - Number(isAllCaps(b.text)) ||
    b.count - a.count ||
    (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)
  );
}

function isAllCaps(text: string): boolean {
  return text === text.toUpperCase();
}

/** The budget or service the SIRET's most used name designates (none when that name is its legal unit's or a generic word). */
function unitOf(top: ReadName | undefined): BuyerIdentity['unit'] {
  if (top === undefined) return null;
  const { reading } = top;
  if ((reading.shape === 'unit' || reading.shape === 'legal_with_unit') && reading.unitPart !== null && reading.unitKind !== null)
    return { text: reading.unitPart, kind: reading.unitKind };
  return null;
}

/** Units worth showing after the legal unit's name: a service or an annex budget (the main budget and the purchasing service are the legal unit itself). */
const SHOWN_UNITS = new Set<BuyerUnitKind>(['service', 'budget_annexe']);

function nameOf({
  legal,
  unit,
  top,
  siren,
  current,
}: {
  legal: RankedCandidate | null;
  unit: BuyerIdentity['unit'];
  top: ReadName | undefined;
  siren: string;
  current: string;
}): string {
  if (legal !== null) return unit !== null && SHOWN_UNITS.has(unit.kind) ? `${legal.text} (${unit.text})` : legal.text;
  if (top === undefined || top.reading.shape === 'empty') return current;
  return `Unité légale SIREN ${formatSiren(siren)} (« ${top.text} »)`;
}

/** The facilitator's check of a buyer's name: the name checked (as typed or as resolved), by whom, when (ISO timestamp). */
export interface BuyerNameReview {
  name: string;
  by: string;
  at: string;
}

/**
 * An identity once its name was checked by the facilitator: off the review list while it bears the
 * name checked, and saying who checked it; unchanged when the name has changed since.
 */
export function applyBuyerNameReview(identity: BuyerIdentity, review: BuyerNameReview | null): BuyerIdentity {
  if (review === null || review.name !== identity.values.name) return identity;
  return {
    ...identity,
    isToReview: false,
    explanation: [...identity.explanation, `Nom vérifié par ${review.by} le ${formatDateFr(review.at.slice(0, 10))}.`],
  };
}

/** « 283 100 014 ». */
export function formatSiren(siren: string): string {
  return siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

/** Names the product itself gave the organisation: its published names (raw or repaired) and the import's stand-ins. */
function machineNames(input: BuyerIdentityInput, own: readonly ReadName[]): Set<string> {
  return new Set([...own.flatMap((n) => [n.name, n.text]), `Acheteur ${input.siret}`, `Titulaire ${input.siret}`]);
}

/**
 * Whether a resolution may set `field`: when it still holds what a resolution wrote; before any
 * wrote it, when it holds what the import made (a published name or a stand-in; the kind the
 * import guessed from it; a location the import read off a place of execution).
 */
function isWritable(input: BuyerIdentityInput, field: keyof IdentityValues, names: ReadonlySet<string>): boolean {
  const { current, previous } = input;
  const written = previous?.[field] ?? null;
  if (written !== null) return current[field] === written;
  // A buyer the import first met as a holder was stored as an SME under the holder's name: the import's doing too.
  if (input.isBuyer && current.kind === 'sme') return true;
  if (field === 'name') return names.has(current.name);
  if (field === 'kind') return input.isBuyer ? current.kind === guessBuyerKind(input.siret, current.name) : current.kind === 'sme';
  return current.inseeCode === '' || input.isBuyer;
}

function kindOf(
  input: BuyerIdentityInput,
  named: OrganizationKind | null,
  reference: ReferenceLegalUnit | null,
): { value: OrganizationKind; source: BuyerIdentity['kindSource'] } {
  if (!isWritable(input, 'kind', new Set())) return { value: input.current.kind, source: 'kept' };
  const unit = input.legalUnit;
  const official = unit
    ? kindOfLegalCategory(unit.legalCategory, { isBuyer: input.isBuyer, enterpriseCategory: unit.enterpriseCategory })
    : null;
  if (official !== null) return { value: official, source: 'sirene' };
  if (reference !== null) return { value: reference.kind, source: 'reference' };
  if (!input.isBuyer) return { value: input.current.kind, source: 'kept' };
  return { value: named ?? guessBuyerKind(input.siret, null), source: 'name' };
}

function locationOf(
  input: BuyerIdentityInput,
  reference: ReferenceLegalUnit | null,
): { value: string; source: BuyerIdentity['locationSource'] } {
  const kept = { value: input.current.inseeCode, source: 'kept' as const };
  if (!isWritable(input, 'inseeCode', new Set())) return kept;
  const sirene = input.establishment?.inseeCode ?? null;
  if (sirene !== null && getCommune(sirene) !== undefined) return { value: sirene, source: 'sirene' };
  // A commune's establishments lie in the commune: its seat is a better place than a contract's place of execution.
  if (reference?.inseeCode != null) return { value: reference.inseeCode, source: 'reference' };
  return kept;
}
