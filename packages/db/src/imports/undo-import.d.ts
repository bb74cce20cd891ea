import type { MutualisDb } from '../dialect/create-database';
/** What undoing an import removed and put back. */
export interface UndoOutcome {
  contractsRemoved: number;
  contractsRestored: number;
  needsRemoved: number;
  needsRestored: number;
  membershipsRemoved: number;
  organizationsRemoved: number;
  /** Organizations it created that something else now uses (another import, a user, a groupement…): kept. */
  organizationsKept: number;
}
/**
 * Undoes an import as a whole: puts back the rows it changed, removes the contracts, needs and
 * memberships it created, recomputes its buyers' DECP-proposed needs (those no contract backs any
 * more go, unless their buyer confirmed them), and removes the organizations it created that
 * nothing else uses. It goes through the organizations the import met, `ORGANIZATIONS_PER_STEP`
 * at a time, each step its own transaction and forgotten once done: an undo interrupted by a crash
 * is finished by running it again.
 */
export declare function undoImport(
  m: MutualisDb,
  options: {
    importId: string;
    now: string;
  },
): Promise<UndoOutcome>;
/**
 * The latest import still in effect, other than `importId` and started after it, that met one of
 * its buyers: undoing `importId` first would take away contracts or memberships that one relies on.
 */
export declare function findLaterImportOnSameBuyers(
  m: MutualisDb,
  importId: string,
): Promise<
  | {
      id: string;
      territoryId: string;
      createdAt: string;
    }
  | undefined
>;
