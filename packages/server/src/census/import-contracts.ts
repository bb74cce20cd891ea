import {
  type ContractRow,
  type ContractsParseResult,
  DomainError,
  decpProvenanceAfterEdit,
  type Organization,
  planCensusImport,
  type RunningContract,
} from '@mutualis/core';
import { type MutualisDb, type NewRunningContract, nowIso, type Repositories, withTransaction } from '@mutualis/db';
import { parseContractsCsv, parseContractsXlsx } from '../files';
import { refreshBuyerDecpNeeds } from '../import/refresh-buyer-decp-needs';
import type { CensusImportMode, ImportCensusResult } from './import-census';
import { toCellError } from './import-census';

export interface ImportContractsOptions {
  m: MutualisDb;
  repos: Repositories;
  organization: Organization;
  fileName: string;
  content: Buffer;
  mode: CensusImportMode;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Reads the running-contracts sheet of an uploaded workbook, or a CSV file when its name says so. */
async function readContractsFile(options: {
  fileName: string;
  content: Buffer;
  knownSirets: ReadonlySet<string>;
}): Promise<ContractsParseResult> {
  const { fileName, content, knownSirets } = options;
  if (ZIP_MAGIC.every((byte, i) => content[i] === byte)) return parseContractsXlsx(content, { fileName, knownSirets });
  if (!/\.(csv|txt)$/i.test(fileName)) {
    throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est ni un classeur Excel (.xlsx) ni un fichier CSV.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DomainError('unreadable_file', `Le fichier ${fileName} n’est pas un texte UTF-8 : enregistrez-le en « CSV UTF-8 ».`);
  }
  return parseContractsCsv(text, { fileName, knownSirets });
}

/**
 * Imports the « Contrats en cours » sheet of a census workbook into one organization's running
 * contracts, with the census import's rules: a dry run first, then all or nothing (or the valid rows
 * when the user chose so), in one transaction. A contract is known by its reference: a row whose
 * reference the organization already has updates that contract, so re-importing a file changes nothing.
 */
export async function importContracts(options: ImportContractsOptions): Promise<ImportCensusResult> {
  const { organization, fileName, content, mode } = options;
  const parsed = await readContractsFile({ fileName, content, knownSirets: new Set([organization.siret]) });
  const plan = planCensusImport(parsed, { acceptValidRows: mode === 'valid' });
  const errors = parsed.errors.map((issue) => toCellError(issue, organization));
  // Running contracts have no amount check of their own (`toConfirm` is the census of needs').
  const summary = { rowCount: parsed.rowCount, valid: parsed.rows.length, errors, toConfirm: [], amountsConfirmed: false };
  if (mode === 'dry_run' || plan.status === 'rejected') {
    return { status: plan.status, dryRun: mode === 'dry_run', ...summary, stored: { created: 0, updated: 0 } };
  }
  const { edited, ...stored } = await withTransaction(options.m, (repos) => storeRows(repos, organization.id, plan.toStore));
  // An imported DECP contract corrected by the sheet: the buyer's proposed needs follow, as after a correction on screen.
  await refreshBuyerDecpNeeds(options.m, edited, nowIso());
  return { status: plan.status, dryRun: false, ...summary, stored };
}

async function storeRows(repos: Repositories, organizationId: string, rows: readonly ContractRow[]) {
  const existing = await repos.runningContracts.list({ organizationId }, { limit: 1_000_000, offset: 0 });
  const byReference = new Map(existing.items.map((c) => [c.reference, c]));
  let created = 0;
  let updated = 0;
  const edited: RunningContract[] = [];
  for (const row of rows) {
    const { source: _source, organizationSiret: _siret, ...value } = row;
    const current = byReference.get(value.reference);
    if (current === undefined) {
      const contract: NewRunningContract = { ...value, organizationId, source: 'manual', decpId: null, decpProvenance: [] };
      byReference.set(value.reference, await repos.runningContracts.insert(contract));
      created += 1;
      continue;
    }
    // An imported DECP contract corrected by the sheet loses the explanation lines the correction made untrue.
    const decpProvenance = decpProvenanceAfterEdit(current.decpProvenance, current, { ...current, ...value });
    await repos.runningContracts.update(current.id, { ...value, decpProvenance });
    updated += 1;
    edited.push(current);
  }
  return { created, updated, edited };
}
