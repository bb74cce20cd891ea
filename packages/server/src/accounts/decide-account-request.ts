import type { AccountRequestDto, LinkDelivery } from '@mutualis/contract';
import { DomainError, getCommune, type Territory } from '@mutualis/core';
import { type AccountRequest, withTransaction } from '@mutualis/db';
import type { ServerContext } from '../app/server-context';
import type { Actor } from '../authz/actor';
import { accountRequestRejectedMessage } from '../mail';
import { describeGrant } from './describe-grant';
import { inviteAccount } from './invite-account';

/**
 * The facilitator's decision on a firm's request. Approval adds the firm to the territory (the
 * organization of that SIRET, or a new SME), gives it an empty supplier profile carrying the
 * requester as contact, and invites the requester as the firm's account; rejection tells the
 * requester by e-mail when possible.
 */
export async function decideAccountRequest(options: {
  ctx: ServerContext;
  actor: Actor;
  territory: Territory;
  requestId: string;
  approve: boolean;
  note: string;
  baseUrl: string;
}): Promise<{ request: AccountRequest; link: LinkDelivery | null }> {
  const { ctx, actor, territory } = options;
  const decidedAt = ctx.now().toISOString();
  const stored = await ctx.repos.accountRequests.getById(options.requestId);
  if (!stored || stored.territoryId !== territory.id) throw new DomainError('not_found', 'Demande introuvable.');
  if (stored.status !== 'pending') throw new DomainError('conflict', 'Cette demande a déjà été traitée.');
  if (!options.approve) {
    const decided = await ctx.repos.accountRequests.decide(stored.id, {
      status: 'rejected',
      decidedAt,
      decidedBy: actor.userId,
      decisionNote: options.note,
      organizationId: null,
    });
    if (!decided) throw new DomainError('conflict', 'Cette demande a déjà été traitée.');
    await ctx.mailer
      ?.send(
        accountRequestRejectedMessage({ to: stored.email, name: stored.contactName, territoryName: territory.name, note: options.note }),
      )
      .catch(() => {});
    return { request: decided, link: null };
  }
  const { request, organizationName } = await withTransaction(ctx.database, async (repos) => {
    const organization = (await repos.organizations.getBySiret(stored.siret)) ?? (await repos.organizations.insert(newFirm(stored)));
    await repos.memberships.add(territory.id, organization.id);
    if (!(await repos.supplierProfiles.getByOrganizationId(organization.id))) {
      await repos.supplierProfiles.upsert(emptyProfile(organization.id));
      await repos.supplierProfiles.setContact(organization.id, { name: stored.contactName, email: stored.email, phone: stored.phone });
    }
    const decided = await repos.accountRequests.decide(stored.id, {
      status: 'approved',
      decidedAt,
      decidedBy: actor.userId,
      decisionNote: options.note,
      organizationId: organization.id,
    });
    if (!decided) throw new DomainError('conflict', 'Cette demande a déjà été traitée.');
    return { request: decided, organizationName: organization.name };
  });
  const invitation = await inviteAccount({
    ctx,
    email: stored.email,
    name: stored.contactName,
    roles: [{ role: 'supplier', territoryId: territory.id, organizationId: request.organizationId }],
    invitedBy: { id: actor.userId, name: actor.name },
    what: describeGrant('supplier', territory.name, organizationName),
    baseUrl: options.baseUrl,
  });
  return { request, link: invitation.link };
}

function newFirm(request: AccountRequest) {
  const commune = getCommune(request.inseeCode);
  if (!commune) throw DomainError.validation('Commune inconnue.', [{ field: 'inseeCode', reason: 'Commune introuvable.' }]);
  return {
    name: request.organizationName,
    siret: request.siret,
    kind: 'sme' as const,
    inseeCode: commune.code,
    departementCode: commune.departementCode,
    regionCode: commune.regionCode,
    epciSiren: commune.epciSiren,
    isDemo: false,
  };
}

function emptyProfile(organizationId: string) {
  return {
    organizationId,
    nafCodes: [],
    competences: [],
    products: [],
    deliveryRadiusKm: 0,
    certifications: [],
    isSme: true,
    description: '',
  };
}

/** The API view of a request, with the commune's name and the organization that already holds its SIRET. */
export async function presentAccountRequest(ctx: ServerContext, request: AccountRequest): Promise<AccountRequestDto> {
  const existing = await ctx.repos.organizations.getBySiret(request.siret);
  return {
    id: request.id,
    siret: request.siret,
    organizationName: request.organizationName,
    inseeCode: request.inseeCode,
    communeName: getCommune(request.inseeCode)?.name ?? null,
    contactName: request.contactName,
    email: request.email,
    phone: request.phone,
    message: request.message,
    status: request.status,
    createdAt: request.createdAt,
    decidedAt: request.decidedAt,
    decisionNote: request.decisionNote,
    organizationId: request.organizationId,
    existingOrganizationName: existing?.name ?? null,
  };
}
