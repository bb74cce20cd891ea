import { type DecpAward, decpContentSignature, isOtherDecpContract, withPublishedDecpId, withSharedDecpId } from '@mutualis/core';
import type { DecpRowWriter, StoredContract } from './decp-row-writer';
import { contractRow, decpValuesOf, hasDecpChange } from './decp-rows';

/** The import the contracts are written for: its id (stamped on the rows it creates or changes) and clock. */
interface WriteTarget {
  importId: string;
  now: string;
}

/**
 * Writes the contracts of a chunk's awards: created by DECP key, or rewritten when a DECP column
 * changed (the previous values kept for undo); an award whose key holds another contract (a buyer
 * reusing an identifier, `isOtherDecpContract`) goes under an identifier of its own, and one the pass
 * moved to its own goes back under its published identifier when the contract stored there is
 * its own. `retargeted`: the awards written under another identifier than the pass gave them.
 */
export async function writeDecpContracts(
  rows: DecpRowWriter,
  awards: readonly DecpAward[],
  idOf: (award: DecpAward) => string,
  target: WriteTarget,
): Promise<{ imported: number; updated: number; unchanged: number; retargeted: { before: DecpAward; after: DecpAward }[] }> {
  const placed = await withStoredIds(rows, awards);
  const { moved, ...counts } = await writeContracts(rows, placed, idOf, target);
  const retargeted = awards.flatMap((before, i) => (placed[i] === before ? [] : [{ before, after: placed[i] as DecpAward }]));
  for (const after of moved) retargeted.push({ before: withPublishedDecpId(after), after });
  return { ...counts, retargeted };
}

/**
 * The awards whose key the pass moved to an identifier of their own (`withSharedDecpId`: a
 * contract whose buyer published another one under the same identifier earlier in the files) go
 * back under their published identifier when the contract an earlier import stored there is theirs.
 */
async function withStoredIds(rows: DecpRowWriter, awards: readonly DecpAward[]): Promise<DecpAward[]> {
  const moved = awards.filter((award) => award.flags.some((flag) => flag.code === 'id_shared'));
  if (moved.length === 0) return [...awards];
  const stored = await rows.findContracts(moved.map((award) => withPublishedDecpId(award).key));
  const isMoved = new Set(moved);
  return awards.map((award) => (isMoved.has(award) ? placedAward(award, stored) : award));
}

/**
 * The award under the identifier the writer gives it against the contracts stored (`withStoredIds`,
 * then `writeContracts`): its published one when the contract stored there is its own, one of its own
 * when another contract is stored there, else the pass's choice.
 */
export function placedAward(award: DecpAward, stored: ReadonlyMap<string, StoredContract>): DecpAward {
  const published = withPublishedDecpId(award);
  const current = stored.get(published.key);
  if (current === undefined) return award;
  if (!isOtherStoredContract(current, published)) return published;
  const shared = withSharedDecpId(published);
  return shared.key === award.key ? award : shared;
}

/** The keys an award may be written under: its published identifier's, and one of its own (see `placedAward`). */
export function placementKeys(award: DecpAward): [string, string] {
  const published = withPublishedDecpId(award);
  return [published.key, withSharedDecpId(published).key];
}

/** Whether a stored contract and an award under its key are two contracts (`isOtherDecpContract`). */
function isOtherStoredContract(current: StoredContract, award: DecpAward): boolean {
  const amountCents = current.amount_cents === null ? null : Number(current.amount_cents);
  const stored = { objet: current.label, amountCents, notificationDate: current.notification_date };
  return isOtherDecpContract(decpContentSignature(stored), decpContentSignature(award));
}

/**
 * Inserts the awards' contracts, updates those stored under their key, and writes again, under an
 * identifier of their own, the awards whose key holds another contract (stored by an earlier import).
 */
async function writeContracts(
  rows: DecpRowWriter,
  awards: readonly DecpAward[],
  idOf: (award: DecpAward) => string,
  target: WriteTarget,
): Promise<{ imported: number; updated: number; unchanged: number; moved: DecpAward[] }> {
  // In key order (buyer SIRET first), the inserts into the DECP key index fall on neighbouring pages.
  const sorted = [...awards].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const contractRows = function* () {
    for (const award of sorted) yield contractRow(award, idOf(award), target.importId, target.now);
  };
  const alreadyStored = await rows.insertContracts(contractRows());
  const stored = await rows.findContracts(alreadyStored);
  let updated = 0;
  const moved: DecpAward[] = [];
  for (const award of sorted) {
    const current = stored.get(award.key);
    if (current === undefined) continue;
    if (isOtherStoredContract(current, award)) {
      moved.push(withSharedDecpId(award));
      continue;
    }
    const next = decpValuesOf(award, idOf(award));
    if (!hasDecpChange(current, next)) continue;
    const { id, ...previous } = current;
    await rows.keepVersion(target.importId, 'running_contracts', id, previous);
    await rows.updateContract(id, next, target.now);
    updated += 1;
  }
  const outcome = {
    imported: awards.length - alreadyStored.length,
    updated,
    unchanged: alreadyStored.length - updated - moved.length,
    moved,
  };
  if (moved.length === 0) return outcome;
  const again = await writeContracts(rows, moved, idOf, target);
  return {
    imported: outcome.imported + again.imported,
    updated: outcome.updated + again.updated,
    unchanged: outcome.unchanged + again.unchanged,
    moved: [...moved, ...again.moved],
  };
}
