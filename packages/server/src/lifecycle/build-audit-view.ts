import type { AuditEntryDto } from '@mutualis/contract';
import { canDisclose, type DisclosureViewer, seesEveryFigure } from '@mutualis/core';
import { GROUPEMENT_STATUS_LABELS } from '@mutualis/core/lifecycle';
import type { AuditEntry, Repositories } from '@mutualis/db';

const ACTION_LABELS: Record<string, string> = {
  'groupement.transition': 'Changement d’étape',
  'groupement.signature': 'Signature / délibération',
  'groupement.member_admitted': 'Adhésion d’un membre',
  'groupement.membership_requested': 'Demande d’adhésion',
  'groupement.membership_refused': 'Demande d’adhésion refusée',
  'groupement.award': 'Attribution d’un lot',
  'groupement.award_essential_data': 'Données essentielles d’un lot (DECP)',
  'groupement.consumption': 'Consommation saisie',
  'groupement.consumption_import': 'Consommation importée',
  'decision.snapshot': 'Décision figée',
};

const frenchDate = (value: unknown) => (typeof value === 'string' ? value.split('-').reverse().join('/') : '');
const isStatus = (value: unknown): value is keyof typeof GROUPEMENT_STATUS_LABELS =>
  typeof value === 'string' && value in GROUPEMENT_STATUS_LABELS;
const field = (value: unknown, key: string): unknown => (typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined);

/** One French line saying what changed. */
function summaryOf(entry: AuditEntry, nameOf: (id: string) => string): string {
  const before = field(entry.before, 'status');
  const after = field(entry.after, 'status');
  if (entry.action === 'groupement.transition' && isStatus(before) && isStatus(after))
    return `${GROUPEMENT_STATUS_LABELS[before]} → ${GROUPEMENT_STATUS_LABELS[after]}`;
  if (entry.action === 'groupement.signature') {
    const parts = [
      field(entry.after, 'signedOn') && `signée le ${frenchDate(field(entry.after, 'signedOn'))}`,
      field(entry.after, 'deliberationOn') &&
        `délibération ${field(entry.after, 'deliberationReference')} du ${frenchDate(field(entry.after, 'deliberationOn'))}`,
    ];
    return `${nameOf(entry.entityId)} : ${parts.filter(Boolean).join(', ')}`;
  }
  if (entry.action === 'groupement.award')
    return `Lot « ${field(entry.after, 'lotLabel')} » attribué à ${field(entry.after, 'holderName')}`;
  if (entry.action === 'groupement.membership_requested')
    return `${nameOf(String(field(entry.after, 'organizationId')))} demande à rejoindre le groupement`;
  if (entry.action === 'groupement.membership_refused')
    return `Demande de ${nameOf(String(field(entry.after, 'organizationId')))} refusée : ${field(entry.after, 'reason') ?? ''}`;
  if (entry.action === 'groupement.member_admitted' && typeof field(entry.after, 'requestId') === 'string')
    return 'Demande d’adhésion acceptée';
  if (entry.action === 'groupement.award_essential_data')
    return `Données essentielles du lot « ${field(entry.after, 'lotLabel')} » : notifié le ${frenchDate(field(entry.after, 'notifiedOn'))}, ${field(entry.after, 'offersReceived')} offre(s) reçue(s)`;
  if (entry.action === 'decision.snapshot')
    return `Valeurs ${field(entry.after, 'kind') === 'launch' ? 'du lancement' : 'de l’attribution'} enregistrées avec leurs paramètres`;
  const entries = field(entry.after, 'entries');
  if (Array.isArray(entries)) return `${entries.length} ligne(s) de consommation`;
  return ACTION_LABELS[entry.action] ?? entry.action;
}

/**
 * What of a recorded payload the viewer may read (core's disclosure rule): consumption lines of its
 * own organizations only; of a decision snapshot, what was decided when, not its figures (the
 * lifecycle and savings views show those as the rule allows). Other payloads carry no amount.
 */
function payloadFor(viewer: DisclosureViewer, action: string, payload: unknown): unknown {
  if (seesEveryFigure(viewer) || payload === null || typeof payload !== 'object') return payload;
  if (action === 'decision.snapshot') {
    const { kind, procedureNumber, decidedOn } = payload as Record<string, unknown>;
    return { kind, procedureNumber, decidedOn };
  }
  const entries = field(payload, 'entries');
  if (!Array.isArray(entries)) return payload;
  const own = entries.filter((e: unknown) => {
    const organizationId = field(e, 'organizationId');
    return typeof organizationId === 'string' && canDisclose(viewer, { kind: 'organization', organizationId });
  });
  return { ...payload, entries: own };
}

/** The audit trail with user names and French labels; payload figures as the viewer may read them. */
export async function buildAuditView(options: {
  repos: Repositories;
  groupementId: string;
  nameOf: (id: string) => string;
  viewer: DisclosureViewer;
}): Promise<AuditEntryDto[]> {
  const { repos, groupementId, nameOf, viewer } = options;
  const entries = await repos.auditLog.list({ groupementId });
  const userIds = [...new Set(entries.map((e) => e.userId))];
  const users = new Map(
    (await Promise.all(userIds.map((id) => repos.users.getById(id)))).flatMap((u) => (u ? [[u.id, u.name] as const] : [])),
  );
  return entries.map((e) => ({
    ...e,
    before: payloadFor(viewer, e.action, e.before),
    after: payloadFor(viewer, e.action, e.after),
    userName: users.get(e.userId) ?? e.userId,
    actionLabel: ACTION_LABELS[e.action] ?? e.action,
    summary: summaryOf(e, nameOf),
  }));
}
