import {
  applyBuyerNameReview,
  type BuyerIdentity,
  buildNameVocabulary,
  builtInNameVocabulary,
  getCommune,
  resolveBuyerIdentity,
} from '@mutualis/core';
import { type BuyerIdentityChange, type BuyerIdentitySubject, createRepositories, type MutualisDb, withTransaction } from '@mutualis/db';

/** SIRENs resolved per pass: one read, one transaction. */
const SIRENS_PER_PASS = 1_000;

/** What a resolution pass did. */
export interface ResolveBuyerIdentitiesResult {
  /** Organisations whose identity was resolved (some source says something of them). */
  resolved: number;
  /** Organisations whose name, kind or commune changed. */
  changed: number;
  /** Organisations left for the facilitator to review (guessed repair, illegible name, unknown legal unit). */
  toReview: number;
}

/**
 * Resolves the identity of every stored organisation of these SIRENs (load → `resolveBuyerIdentity`
 * → save): its DECP names, the other establishments of its SIREN, SIRENE facts when imported, the
 * official lists. Writes only what changed; running it twice changes nothing. Within import
 * `importId`, the values it changes are kept for that import's undo.
 */
export async function resolveBuyerIdentities(
  m: MutualisDb,
  sirens: Iterable<string>,
  options: { importId?: string } = {},
): Promise<ResolveBuyerIdentitiesResult> {
  const result: ResolveBuyerIdentitiesResult = { resolved: 0, changed: 0, toReview: 0 };
  const all = [...new Set(sirens)].sort();
  const repos = createRepositories(m);
  for (let i = 0; i < all.length; i += SIRENS_PER_PASS) {
    const subjects = (await repos.buyerIdentities.listSubjects(all.slice(i, i + SIRENS_PER_PASS))).filter(hasSource);
    const vocabulary = buildNameVocabulary(
      subjects.flatMap((s) => s.publishedNames.map((n) => n.name)),
      builtInNameVocabulary(),
    );
    const bySiren = new Map<string, BuyerIdentitySubject[]>();
    for (const subject of subjects) bySiren.set(subject.siren, [...(bySiren.get(subject.siren) ?? []), subject]);
    const changes: BuyerIdentityChange[] = [];
    for (const subject of subjects) {
      const siblings = (bySiren.get(subject.siren) ?? [])
        .filter((other) => other.siret !== subject.siret && other.isBuyer)
        .map((other) => ({ siret: other.siret, publishedNames: other.publishedNames }));
      const resolved = resolveBuyerIdentity({
        siret: subject.siret,
        current: subject.current,
        previous: subject.resolution?.written ?? null,
        isBuyer: subject.isBuyer,
        publishedNames: subject.publishedNames,
        siblings,
        establishment: subject.establishment,
        legalUnit: subject.legalUnit,
        vocabulary,
      });
      const identity = applyBuyerNameReview(resolved, subject.review);
      result.resolved += 1;
      if (identity.isToReview) result.toReview += 1;
      if (isUnchanged(subject, identity)) continue;
      changes.push({ organizationId: subject.organizationId, identity, location: locationOf(subject, identity) });
    }
    if (changes.length > 0) result.changed += await withTransaction(m, (trx) => trx.buyerIdentities.saveResolutions(changes, options));
  }
  return result;
}

/** Something to resolve from: DECP names, SIRENE facts, or an earlier resolution to keep up to date. */
function hasSource(subject: BuyerIdentitySubject): boolean {
  return (
    subject.isBuyer ||
    subject.establishment !== null ||
    subject.legalUnit !== null ||
    subject.resolution !== null ||
    subject.review !== null
  );
}

function isUnchanged(subject: BuyerIdentitySubject, identity: BuyerIdentity): boolean {
  const { current } = subject;
  const { values } = identity;
  return (
    subject.resolution !== null &&
    JSON.stringify(subject.resolution) === JSON.stringify(identity) &&
    current.name === values.name &&
    current.kind === values.kind &&
    current.inseeCode === values.inseeCode
  );
}

function locationOf(subject: BuyerIdentitySubject, identity: BuyerIdentity): BuyerIdentityChange['location'] {
  if (identity.values.inseeCode === subject.current.inseeCode) return null;
  const commune = getCommune(identity.values.inseeCode);
  if (commune === undefined) return null;
  return {
    inseeCode: commune.code,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
    epciSiren: commune.epciSiren,
  };
}
