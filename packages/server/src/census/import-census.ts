import { type CensusRow, DomainError, type FieldIssue, type Organization, planCensusImport } from '@mutualis/core';
import { type MutualisDb, type NewNeed, type Repositories, withTransaction } from '@mutualis/db';
import { checkImportedAmounts, loadCensusContext } from './census-context';
import { readCensusFile } from './read-census-file';

/** dry_run: check only; all: store a fully valid file; valid: store the valid rows. */
export type CensusImportMode = 'dry_run' | 'all' | 'valid';

export interface ImportCensusOptions {
  m: MutualisDb;
  repos: Repositories;
  organization: Organization;
  fileName: string;
  content: Buffer;
  mode: CensusImportMode;
  /** The importer confirmed the rows whose amounts are unusual (`toConfirm`): they are stored as typed. */
  confirmAmounts?: boolean;
  /** The import these writes belong to (see `ImportJobs`): created needs carry it, changed ones keep their previous values for undo. */
  importId?: string;
}

export interface CensusCellError {
  sheet: string | null;
  row: number | null;
  column: string;
  field: string;
  reason: string;
}

export interface ImportCensusResult {
  status: 'complete' | 'partial' | 'rejected';
  dryRun: boolean;
  rowCount: number;
  valid: number;
  stored: { created: number; updated: number };
  errors: CensusCellError[];
  /** Valid rows whose amount or unit price lies far outside the territory's for that purchase: stored only once confirmed. */
  toConfirm: CensusCellError[];
  /** Whether the import was asked with those rows confirmed. */
  amountsConfirmed: boolean;
}

/**
 * Imports a census spreadsheet into one organization's needs. Rows may only name that
 * organization. What is stored is decided by core's `planCensusImport`, and written in one
 * transaction: all of it or nothing. A row imported before (same file name, sheet and row) is
 * updated in place, so importing the same file twice changes nothing.
 */
export async function importCensus(options: ImportCensusOptions): Promise<ImportCensusResult> {
  const { organization, fileName, content, mode } = options;
  const context = await loadCensusContext(options.repos, organization.id);
  const parsed = await readCensusFile({
    fileName,
    content,
    knownSirets: new Set([organization.siret]),
    preferredDepartementCodes: context.departementCodes,
  });
  const amountsConfirmed = options.confirmAmounts === true;
  const checked = checkImportedAmounts({ parsed, context, sourceRefOf: censusSourceRef, isConfirmed: amountsConfirmed });
  const plan = planCensusImport(checked.toPlan, { acceptValidRows: mode === 'valid' });
  const errors = parsed.errors.map((issue) => toCellError(issue, organization));
  const toConfirm = checked.flags.map((issue) => toCellError(issue, organization));
  const summary = { rowCount: parsed.rowCount, valid: parsed.rows.length, errors, toConfirm, amountsConfirmed };
  if (mode === 'dry_run' || plan.status === 'rejected') {
    return { status: plan.status, dryRun: mode === 'dry_run', ...summary, stored: { created: 0, updated: 0 } };
  }
  const stored = await withTransaction(options.m, (repos) => storeRows(repos, organization.id, plan.toStore, options.importId));
  return { status: plan.status, dryRun: false, ...summary, stored };
}

async function storeRows(repos: Repositories, organizationId: string, rows: readonly CensusRow[], importId: string | undefined) {
  const existing = await repos.needs.list({ organizationId }, { limit: 1_000_000, offset: 0 });
  const bySourceRef = new Map(
    existing.items.filter((n) => n.source === 'spreadsheet' && n.sourceRef !== null).map((n) => [n.sourceRef, n.id]),
  );
  const toInsert: NewNeed[] = [];
  let updated = 0;
  for (const row of rows) {
    const need = toNeed(organizationId, row);
    const id = bySourceRef.get(need.sourceRef);
    if (id === undefined) {
      toInsert.push(need);
      continue;
    }
    if (importId !== undefined) await repos.imports.keepVersion(importId, 'needs', id);
    await repos.needs.update(id, need);
    updated += 1;
  }
  if (importId !== undefined) await repos.imports.recordOrganization(importId, organizationId, true);
  const created = await repos.needs.insertMany(toInsert, importId === undefined ? {} : { importId });
  return { created, updated };
}

/** `recensement.xlsx#Recensement!12`: where the need came from, and the key of a later re-import. */
export function censusSourceRef(row: CensusRow): string {
  return `${row.source.file}#${row.source.sheet ?? ''}!${row.source.row}`;
}

function toNeed(organizationId: string, row: CensusRow): NewNeed {
  const { source: _source, organizationSiret: _siret, ...value } = row;
  return { ...value, organizationId, status: 'confirmed', source: 'spreadsheet', sourceRef: censusSourceRef(row) };
}

export function toCellError(issue: FieldIssue, organization: Organization): CensusCellError {
  const isOtherSiret = issue.field === 'organizationSiret' && issue.reason.includes('aucune organisation');
  const reason = isOtherSiret
    ? `Ce SIRET n’est pas celui de ${organization.name} (${organization.siret}) : chaque ligne doit porter le SIRET de l’organisation importée.`
    : issue.reason;
  return { sheet: issue.sheet ?? null, row: issue.row ?? null, column: issue.column ?? '', field: issue.field, reason };
}

/** Throws `not_found` when the organization does not exist. */
export async function getOrganizationOrThrow(repos: Repositories, id: string): Promise<Organization> {
  const organization = await repos.organizations.getById(id);
  if (!organization) throw new DomainError('not_found', 'Organisation introuvable.');
  return organization;
}
