import { randomBytes } from 'node:crypto';
import { CONTRACT_COLUMNS, type Role } from '@mutualis/core';
import type { AuthTokenPurpose, Repositories } from '@mutualis/db';
import ExcelJS from 'exceljs';
import { buildUser, uniqueSiret } from '../../db/test/dialects';
import { hashLinkToken } from '../src/accounts/one-time-links';

/** Test builders for the territory set-up routes: accounts with roles, one-time links, contract sheets, campaigns. */

/** An account (invited, without password, unless `passwordHash` is given) holding `roles`. */
export async function addAccount(
  repos: Repositories,
  roles: readonly { role: Role; territoryId: string; organizationId: string | null }[],
  overrides: { passwordHash?: string; isAdmin?: boolean } = {},
) {
  const user = await repos.users.insert(buildUser({ passwordHash: overrides.passwordHash ?? '', isAdmin: overrides.isAdmin ?? false }));
  for (const role of roles) await repos.users.addRole({ ...role, userId: user.id });
  return user;
}

/** A usable one-time link stored as the server stores it (tests run without SESSION_SECRET); returns its token. */
export async function addLink(repos: Repositories, userId: string | null, purpose: AuthTokenPurpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await repos.authTokens.insert({
    tokenHash: hashLinkToken(token, null),
    purpose,
    userId,
    createdBy: null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 3_600_000).toISOString(),
  });
  return token;
}

/** The token of a link URL (`…/mot-de-passe#jeton=…`). */
export function tokenOf(url: string | null | undefined): string {
  const token = /#jeton=([A-Za-z0-9_-]+)$/.exec(url ?? '')?.[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
}

export interface ContractLine {
  siret: string;
  reference?: string;
  startDate?: string;
  durationMonths?: string;
  renewalCount?: string;
  renewalMonths?: string;
  renewalsUsed?: string;
  noticeMonths?: string;
  amount?: string;
  nature?: string;
}

/** The fifteen cells of one running-contract line: a salt contract from 01/01/2025 for 12 months unless overridden. */
export function contractCells(line: ContractLine): string[] {
  return [
    line.siret,
    line.reference ?? 'SEL-2025',
    '34927100',
    'Sel de déneigement',
    '',
    'Salines de l’Est',
    '',
    line.startDate ?? '01/01/2025',
    line.durationMonths ?? '12',
    line.renewalCount ?? '3',
    line.renewalMonths ?? '12',
    line.renewalsUsed ?? '0',
    line.noticeMonths ?? '3',
    line.amount ?? '48 000',
    line.nature ?? 'accord-cadre',
  ];
}

export function contractsCsv(lines: readonly ContractLine[]): Buffer {
  const rows = [CONTRACT_COLUMNS.map((c) => c.header), ...lines.map(contractCells)];
  return Buffer.from(rows.map((cells) => cells.join(';')).join('\r\n'), 'utf8');
}

/** A census workbook as a buyer fills it: a needs sheet and the « Contrats en cours » sheet. */
export async function contractsXlsx(lines: readonly ContractLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Recensement').addRow(['Organisation (SIRET)', 'Code CPV', 'Libellé']);
  const sheet = workbook.addWorksheet('Contrats en cours');
  sheet.addRow(CONTRACT_COLUMNS.map((c) => c.header));
  for (const line of lines) sheet.addRow(contractCells(line));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Opens a census campaign on the territory when none is open (closing nothing). */
export async function ensureOpenCampaign(repos: Repositories, territoryId: string, familyIds = ['fam-salt']) {
  const current = await repos.censusCampaigns.getCurrent(territoryId);
  if (current && current.closedAt === null) return current;
  return repos.censusCampaigns.insert({
    territoryId,
    title: 'Recensement 2027',
    message: '',
    deadline: '2099-12-31',
    familyIds,
    openedAt: new Date().toISOString(),
    openedBy: null,
  });
}

/** Closes the territory's open campaign, if any. */
export async function closeOpenCampaign(repos: Repositories, territoryId: string): Promise<void> {
  const current = await repos.censusCampaigns.getCurrent(territoryId);
  if (current && current.closedAt === null) await repos.censusCampaigns.close(current.id, new Date().toISOString());
}

/** A pending firm's request on the territory. */
export function addAccountRequest(repos: Repositories, territoryId: string) {
  const siret = uniqueSiret();
  return repos.accountRequests.insert({
    territoryId,
    siret,
    organizationName: `Entreprise ${siret}`,
    inseeCode: '67482',
    contactName: 'Jeanne Martin',
    email: `contact.${siret}@entreprise.fr`,
    phone: '',
    message: '',
    createdAt: new Date().toISOString(),
  });
}

/** A unique e-mail address for an invitation. */
export function uniqueEmail(prefix = 'invite'): string {
  return `${prefix}.${uniqueSiret()}@example.fr`;
}
