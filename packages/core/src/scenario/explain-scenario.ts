import { nameWithArticleFr, ofNameFr } from '../french/name-with-article-fr';
import { countFr } from '../french/count-fr';
import { diffDays, formatDateFr } from '../calendar/iso-date';
import type { Organization } from '../domain/types';
import { formatEuros } from '../pooling/format-euros';
import { PROCEDURE_LABELS_FR, type ProcedureKind, procedureRank } from '../procedure/procedure-kind';
import type { AnalysedOpportunity } from './analyse-territory';
import type { JoinedNeed, ScenarioChanges } from './apply-scenario-changes';
import type { OpportunitySnapshot } from './run-scenario';

export interface ExplainScenarioOptions {
  before: AnalysedOpportunity;
  after: AnalysedOpportunity | undefined;
  changes: ScenarioChanges;
  joined: readonly JoinedNeed[];
  organizations: readonly Organization[];
  base: OpportunitySnapshot | null;
  scenario: OpportunitySnapshot | null;
}

/** The threshold a procedure kind starts at, named with its article. */
const THRESHOLD_OF: Record<ProcedureKind, string> = {
  dispense: 'le seuil de dispense (R2122-8)',
  mapa: 'le seuil de dispense (R2122-8)',
  mapa_publicity: 'le seuil de publicité au BOAMP ou dans un JAL (90 000 € HT, R2131-12)',
  formalised: 'le seuil de procédure formalisée (L2124-1)',
};

function membersSentence({ before, changes, joined }: ExplainScenarioOptions, nameOf: (id: string) => string): string {
  const parts: string[] = [];
  for (const j of joined) {
    const how = j.isEntered
      ? `montant saisi pour la simulation${j.priceBasis ? `, quantité estimée au prix unitaire ${ofNameFr(j.priceBasis.fromName)}` : ''}`
      : 'ses besoins recensés';
    parts.push(`${nameOf(j.organizationId)} rejoint le groupement avec ${formatEuros(j.annualAmountCents)} par an (${how})`);
  }
  for (const id of changes.leave) {
    const amount = before.members.find((m) => m.organizationId === id)?.annualAmountCents ?? 0;
    parts.push(`${nameOf(id)} quitte le groupement (${formatEuros(amount)} par an en moins)`);
  }
  for (const p of changes.postpone) parts.push(`${nameOf(p.organizationId)} reporte son entrée de ${p.months} mois`);
  return `${parts.join(' ; ')}.`;
}

function procedureSentence(before: AnalysedOpportunity, after: AnalysedOpportunity): string {
  const from = before.procedure.kind;
  const to = after.procedure.kind;
  if (from === to) {
    const value =
      before.estimatedValueCents === after.estimatedValueCents
        ? `valeur estimée ${formatEuros(after.estimatedValueCents)} HT`
        : `la valeur estimée passe de ${formatEuros(before.estimatedValueCents)} à ${formatEuros(after.estimatedValueCents)} HT sans franchir de seuil`;
    return `Procédure inchangée (${PROCEDURE_LABELS_FR[to]}) : ${value}.`;
  }
  const values = `la valeur estimée passe de ${formatEuros(before.estimatedValueCents)} à ${formatEuros(after.estimatedValueCents)} HT`;
  const crossed =
    procedureRank(to) > procedureRank(from)
      ? `elle atteint ${to === 'formalised' ? `le seuil de procédure formalisée (${formatEuros(after.procedure.formalisedThresholdCents)} HT, L2124-1)` : THRESHOLD_OF[to]}`
      : `elle repasse sous ${from === 'formalised' ? `le seuil de procédure formalisée (${formatEuros(before.procedure.formalisedThresholdCents)} HT, L2124-1)` : THRESHOLD_OF[from]}`;
  return `Seuil franchi : ${values} ; ${crossed}. La procédure devient : ${PROCEDURE_LABELS_FR[to]} (au lieu de : ${PROCEDURE_LABELS_FR[from]}).`;
}

/** Why the start is where it is: bound by the procedure's lead times, or by the date the quorum of the value can enter. */
function startReason(after: AnalysedOpportunity, nameOf: (id: string) => string): string {
  if (after.startDate === after.calendar.minStartDate)
    return `c’est le plus tôt possible compte tenu des délais de la procédure (${PROCEDURE_LABELS_FR[after.procedure.kind]})`;
  const amountOf = new Map(after.members.map((m) => [m.organizationId, m.annualAmountCents]));
  const binding = after.calendar.members
    .filter((m) => m.earliestEntry === after.startDate)
    .sort((a, b) => (amountOf.get(b.organizationId) ?? 0) - (amountOf.get(a.organizationId) ?? 0))[0];
  const who = binding ? ` : ${nameOf(binding.organizationId)} ne peut entrer qu’à cette date` : '';
  return `c’est la date à laquelle les membres portant la part requise de la valeur peuvent entrer${who}`;
}

function startSentence(before: AnalysedOpportunity, after: AnalysedOpportunity, nameOf: (id: string) => string): string {
  const shift = diffDays(before.startDate, after.startDate);
  if (shift === 0) return `Démarrage inchangé le ${formatDateFr(after.startDate)}.`;
  return `Le démarrage passe du ${formatDateFr(before.startDate)} au ${formatDateFr(after.startDate)} (${shift > 0 ? '+' : ''}${shift} jours) : ${startReason(after, nameOf)}.`;
}

function entriesSentence(
  after: AnalysedOpportunity,
  changes: ScenarioChanges,
  joined: readonly JoinedNeed[],
  nameOf: (id: string) => string,
): string | null {
  const postponed = new Set(changes.postpone.map((p) => p.organizationId));
  const moved = new Set([...joined.map((j) => j.organizationId), ...postponed]);
  const entries = after.calendar.members.filter((m) => moved.has(m.organizationId));
  if (entries.length === 0) return null;
  const how = (e: (typeof entries)[number]) =>
    e.wave === 'start'
      ? 'au démarrage'
      : postponed.has(e.organizationId)
        ? 'entrée reportée'
        : 'entrée différée, à l’échéance de son marché en cours';
  return `${entries.map((e) => `${nameOf(e.organizationId)} entre le ${formatDateFr(e.joinDate)} (${how(e)})`).join(' ; ')}.`;
}

function coordinatorSentence(before: AnalysedOpportunity, after: AnalysedOpportunity, changes: ScenarioChanges): string {
  const from = before.coordinator;
  const to = after.coordinator;
  if (from.organizationId === to.organizationId) return `Coordonnateur inchangé : ${to.name}.`;
  const wasCandidate = after.coordinatorProposal.candidates.find((c) => c.organizationId === from.organizationId);
  const proposed = after.coordinatorProposal.candidates.find((c) => c.organizationId === to.organizationId);
  const why = changes.leave.includes(from.organizationId)
    ? `${from.name} quitte le groupement`
    : wasCandidate && !wasCandidate.isEligible
      ? `${from.name} ${wasCandidate.ineligibleReason}`
      : `${to.name} offre désormais le meilleur équilibre entre score (${(proposed?.score ?? 0).toFixed(2).replace('.', ',')}) et charge de coordination sur le territoire`;
  return `Le coordonnateur proposé change : ${nameWithArticleFr(to.name)} au lieu ${ofNameFr(from.name)}, car ${why}.`;
}

function lotsSentence(base: OpportunitySnapshot | null, scenario: OpportunitySnapshot | null): string | null {
  const b = base?.lots;
  const s = scenario?.lots;
  if (!b || !s) return null;
  if (!s.ok) return `Allotissement : ${s.reason}`;
  const labels = s.labels.join(', ');
  if (b.ok && b.lotCount === s.lotCount && b.labels.join('|') === s.labels.join('|'))
    return `Allotissement recommandé inchangé : ${countFr(s.lotCount, 'lot')} (${labels}).`;
  return `Allotissement recalculé : ${countFr(s.lotCount, 'lot recommandé')} au lieu de ${b.ok ? b.lotCount : 0} (${labels}), ${Math.round(s.accessibleShare * 100)} % du volume accessible aux entreprises locales.`;
}

/** A few sentences saying what changed and why: members, threshold and procedure, start and entries, coordinator, lots. */
export function explainScenario(options: ExplainScenarioOptions): string[] {
  const { before, after, changes, joined, organizations, base, scenario } = options;
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const sentences = [membersSentence(options, nameOf)];
  if (!after) return [...sentences, 'Il ne reste qu’un acheteur de cette famille dans la zone : plus de groupement possible.'];
  sentences.push(
    before.annualAmountCents === after.annualAmountCents
      ? `Montant annuel mutualisé inchangé : ${formatEuros(after.annualAmountCents)} (${after.members.length} membres).`
      : `Montant annuel mutualisé : ${formatEuros(before.annualAmountCents)} → ${formatEuros(after.annualAmountCents)} (${after.members.length} membres).`,
    procedureSentence(before, after),
    startSentence(before, after, nameOf),
  );
  const entries = entriesSentence(after, changes, joined, nameOf);
  if (entries) sentences.push(entries);
  sentences.push(coordinatorSentence(before, after, changes));
  const lots = lotsSentence(base, scenario);
  if (lots) sentences.push(lots);
  return sentences;
}
