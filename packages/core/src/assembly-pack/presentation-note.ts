import { getCpv } from '../cpv/cpv-catalog';
import { PROCEDURE_LABELS_FR, type ProcedureKind } from '../procedure/procedure-kind';
import { formatSavingsShareFr } from '../savings/explain-savings';
import type { AssemblyPackInput } from './assembly-pack-input';
import { type DocumentBlock, type DocumentPart, type DocumentSection, paragraph as p } from './document-model';
import { legalReferenceAt } from './legal-references';
import { APPROVING_BODY_FR, memberStandingOf } from './member-standing';
import { coordinatorNames, dateFr, euros, formatQuantityFr, type OwnFacts, ownFactsOf, WITHHELD_NOTE_FR } from './pack-facts';

/** The note presenting the groupement to the member's assembly (or competent body): its own figures only. */
export function composePresentationNote(input: AssemblyPackInput): DocumentPart {
  const own = ownFactsOf(input);
  const sections: DocumentSection[] = [
    { heading: '1. Ce qui est mutualisé', blocks: pooledBlocks(input) },
    { heading: '2. Vos besoins et vos montants', blocks: needsBlocks(input, own) },
    { heading: '3. Économies attendues et leur source', blocks: savingsBlocks(input, own) },
    { heading: '4. Calendrier et vos échéances', blocks: calendarBlocks(own) },
    { heading: '5. Le coordonnateur et pourquoi', blocks: coordinatorBlocks(input) },
    { heading: '6. Risques et points de vigilance', blocks: [{ kind: 'bullets', items: risks(input, own) }] },
  ];
  const body = APPROVING_BODY_FR[own.row.kind];
  return {
    title: 'Note de présentation',
    subtitle: `${own.row.name} — adhésion au groupement de commandes « ${input.groupement.name} »`,
    intro: [
      p(
        `Cette note présente à l’organe appelé à approuver l’adhésion de ${own.row.name} (${body}) le groupement de commandes « ${input.groupement.name} » et les conséquences de l’adhésion pour ${own.row.name}. Les montants sont hors taxes. Elle ne contient que les chiffres de ${own.row.name} et ceux de l’annexe à la convention que chaque signataire lit (quantités et montants maximums des membres).`,
      ),
    ],
    sections,
    closing: [p(`Document établi le ${dateFr(input.at)} à partir de l’analyse du territoire à cette date.`)],
  };
}

function pooledBlocks(input: AssemblyPackInput): DocumentBlock[] {
  const { groupement, annex, opportunity } = input;
  const total = annex.reduce((s, r) => s + r.maximumCents, 0);
  const cpv = groupement.cpvCodes.map((code) => `${code} — ${getCpv(code)?.labelFr ?? ''}`);
  return [
    p(
      `Famille d’achat : « ${groupement.familyName} ». Le groupement réunit ${annex.length} membres (${annex.map((r) => r.name).join(', ')}) pour passer une seule procédure ; chaque membre reste engagé pour ses seuls besoins.`,
    ),
    { kind: 'bullets', items: cpv },
    p(
      `Montant maximum cumulé des membres sur toute la durée, reconductions comprises : ${euros(total)} (annexe 1). ${opportunity ? `Procédure envisagée : ${opportunity.procedure.labelFr} (${opportunity.procedure.articles.join(', ')}).` : 'La procédure sera fixée lors de la prochaine analyse : les besoins ont changé depuis la constitution du groupement.'}`,
    ),
    p(
      groupement.isPermanent
        ? 'Le groupement est permanent : il pourra passer des marchés successifs pour cette famille sans nouvelle convention.'
        : `Le groupement est ponctuel${groupement.durationMonths === null ? '' : `, pour des marchés d’une durée de ${groupement.durationMonths} mois`}.`,
    ),
  ];
}

function needsBlocks(input: AssemblyPackInput, own: OwnFacts): DocumentBlock[] {
  const rows = input.needs.map((n) => [
    n.label,
    n.quantity === null ? '—' : formatQuantityFr(n.quantity, n.unit),
    n.unitPriceCents === null ? '—' : own.unitPrice(n.unitPriceCents),
    own.money(n.annualAmountCents),
  ]);
  return [
    p(`Besoins recensés de ${own.row.name} dans cette famille :`),
    {
      kind: 'table',
      header: ['Besoin', 'Quantité annuelle', 'Prix unitaire actuel', 'Montant annuel'],
      rows: [...rows, ['Total annuel', own.row.annualQuantity || '—', '', own.money(own.annualAmountCents)]],
      widths: [4, 2, 2, 2],
    },
    ...(own.showsOwnFigures ? [] : [p(`Prix et montants de ${own.row.name} : ${WITHHELD_NOTE_FR}`)]),
    p(
      `Montant maximum de ${own.row.name} sur toute la durée de l’accord-cadre, inscrit en annexe de la convention : ${euros(own.row.maximumCents)}. C’est la limite de son engagement (${legalReferenceAt('ccp-r2162-4', input.at).citation} ; valeur estimée au sens de l’${legalReferenceAt('ccp-r2121-8', input.at).citation}).`,
    ),
    ...(own.isConfirmed
      ? []
      : [
          p('Une partie de ces besoins est seulement proposée (issue des données de marchés publiés) : à confirmer avant la délibération.'),
        ]),
  ];
}

function savingsBlocks(input: AssemblyPackInput, own: OwnFacts): DocumentBlock[] {
  const detail = input.opportunity?.savingsDetail;
  if (!own.showsOwnFigures) return [p(`Économies de ${own.row.name} : ${WITHHELD_NOTE_FR}`)];
  if (!detail || !own.savings)
    return [
      p(
        'Économies non estimées : le groupement n’est plus trouvé par l’analyse du jour (besoins modifiés). À recalculer avant la délibération.',
      ),
    ];
  const { provenance } = detail;
  const { purchase, total } = own.savings;
  const share = (cents: number) => formatSavingsShareFr(own.annualAmountCents > 0 ? cents / own.annualAmountCents : 0);
  const range =
    provenance.kind === 'supply_security'
      ? `Aucune baisse de prix n’est attendue pour ce segment (${provenance.segment}) : ${provenance.benefit ?? ''}`
      : `Pour ${own.row.name}, l’économie annuelle sur les prix est estimée entre ${euros(purchase.low)} et ${euros(purchase.high)} (central ${euros(purchase.central)}, soit ${share(purchase.central)} de son montant annuel), dans la fourchette publiée de ${formatSavingsShareFr(provenance.range.low)} à ${formatSavingsShareFr(provenance.range.high)} pour « ${provenance.segment} ».`;
  return [
    p(range),
    p(
      total.low === total.high
        ? `Économie annuelle totale, procédures évitées et coordination comprises : ${euros(total.central)}.`
        : `Économie annuelle totale, procédures évitées et coordination comprises : ${euros(total.low)} à ${euros(total.high)} (central ${euros(total.central)}).`,
    ),
    p(`Pourquoi cette fourchette : ${provenance.rationale}`),
    {
      kind: 'table',
      header: ['Source publiée', 'Date', 'Nature de la mesure', 'Ce qu’elle a trouvé'],
      rows: provenance.sources.map((s) => [`${s.citation} — ${s.url}`, s.publishedOn ?? 'non datée', s.measureLabel, s.finding]),
      widths: [3, 1, 1.5, 3.5],
    },
    p(
      `Sources relues le ${dateFr(provenance.checkedOn)} (version ${provenance.evidenceVersion}). Estimation indicative, jamais garantie : le prix obtenu dépend de la concurrence et des offres reçues.`,
    ),
  ];
}

function calendarBlocks(own: OwnFacts): DocumentBlock[] {
  const rows = own.schedule.map((s) => [dateFr(s.date), s.labelFr]);
  const entry = own.entry;
  const entryText = !entry
    ? 'Date d’entrée à fixer lors de la prochaine analyse.'
    : entry.wave === 'start'
      ? `${own.row.name} entre dans l’exécution au démarrage des marchés, le ${dateFr(entry.joinDate)}.`
      : `${own.row.name} entre dans l’exécution le ${dateFr(entry.joinDate)} (entrée différée, à l’échéance de son marché en cours) ; ses besoins sont comptés dès le lancement.`;
  const bridges = (entry?.bridges ?? []).map(
    (b) =>
      `${b.form === 'amendment' ? 'Avenant de prolongation (R2194-8)' : 'Marché relais (R2121-4)'} du ${dateFr(b.from)} au ${dateFr(b.until)} (${own.money(b.amountCents)}), à engager au plus tard le ${dateFr(b.launchBy)}.`,
  );
  const all = [...(entry?.actions ?? []), ...bridges];
  // Bridge and renewal actions state the member's own amounts: withheld from a reader who may not see them.
  const actions = own.showsOwnFigures
    ? all
    : [...all.filter((a) => !a.includes('€')), ...(all.some((a) => a.includes('€')) ? [`Actions chiffrées : ${WITHHELD_NOTE_FR}`] : [])];
  return [
    { kind: 'table', header: ['Date', 'Étape'], rows, widths: [1.2, 5] },
    p(entryText),
    ...(actions.length > 0
      ? [p(`Vos actions et échéances :`), { kind: 'bullets', items: actions } satisfies DocumentBlock]
      : [p('Aucune action sur un marché en cours n’est requise de votre part avant l’entrée.')]),
  ];
}

function coordinatorBlocks(input: AssemblyPackInput): DocumentBlock[] {
  const names = coordinatorNames(input);
  const coordinatorId = input.groupement.coordinatorIds[0] ?? '';
  const proposal = input.opportunity?.coordinatorProposal;
  const candidate = proposal?.candidates.find((c) => c.organizationId === coordinatorId);
  if (!proposal || !candidate) return [p(`Coordonnateur : ${names}.`)];
  const largest = proposal.candidates.every((c) => c.share <= candidate.share);
  const reasons = [
    proposal.organizationId === coordinatorId
      ? `proposé par Mutualis parmi les ${proposal.candidates.length} membres`
      : `retenu par l’animateur du territoire (Mutualis proposait ${proposal.name})`,
    ...(largest ? ['il porte la plus grande part du volume mutualisé'] : []),
    ...(candidate.hasExperience ? ['il a un marché en cours de cette famille : il connaît le besoin et les fournisseurs'] : []),
    ...(candidate.hasUsableCao ? ['sa commission d’appel d’offres peut être désignée par la convention (CGCT L1414-3 II)'] : []),
    candidate.isEligible
      ? 'il entre dans l’exécution dès le démarrage et peut conduire la procédure dès le lancement'
      : `attention : ${candidate.ineligibleReason ?? ''}`,
    ...(candidate.coordinatesElsewhere.length > 0
      ? [`il coordonne déjà ${candidate.coordinatesElsewhere.map((f) => `« ${f} »`).join(', ')}`]
      : []),
  ];
  return [
    p(
      `Coordonnateur : ${names}. Il agit au nom et pour le compte des membres (${legalReferenceAt('ccp-l2113-7', input.at).citation}). Pourquoi :`,
    ),
    { kind: 'bullets', items: reasons },
  ];
}

function risks(input: AssemblyPackInput, own: OwnFacts): string[] {
  const standing = memberStandingOf(own.row.kind);
  const items = [
    'Les économies sont une estimation : les offres peuvent ne pas les atteindre ; l’accord-cadre n’engage chaque membre que dans la limite de son maximum.',
    'Les membres sont solidairement responsables des seules opérations menées conjointement en leur nom (L2113-7, alinéa 2) ; un contentieux sur la passation concerne tous les membres.',
    input.groupement.isPermanent
      ? `Un retrait prend effet à l’expiration des marchés en cours, après un préavis de ${input.groupement.withdrawalNoticeMonths} mois.`
      : 'Aucun retrait n’est possible après le lancement de la consultation ; ses conséquences financières resteraient à la charge du membre.',
  ];
  if (own.aloneProcedureKind)
    items.push(
      `Seul, ${own.row.name} passerait une procédure « ${PROCEDURE_LABELS_FR[own.aloneProcedureKind as ProcedureKind]} » ; en groupement, la procédure est plus lourde (délais, publicité, commission d’appel d’offres).`,
    );
  const deliberation = own.schedule.find((s) => s.step === 'deliberation');
  if (deliberation && deliberation.date < input.at)
    items.push(
      `La date de délibération prévue (${dateFr(deliberation.date)}) est passée : le démarrage sera décalé si elle n’a pas eu lieu.`,
    );
  if (own.entry && own.entry.bridges.length > 0)
    items.push(
      'Un marché relais ou un avenant est nécessaire jusqu’à l’entrée : à engager avant la date indiquée, faute de quoi le besoin ne serait pas couvert.',
    );
  if (own.entry?.isBeyondTerm)
    items.push('L’entrée tombe après la fin des marchés mutualisés : l’adhésion serait sans effet pour cette procédure.');
  if (!own.isConfirmed) items.push('Des besoins ne sont que proposés : le maximum de l’annexe peut changer lorsqu’ils seront confirmés.');
  if (standing === 'private_person')
    items.push(
      `${own.row.name} n’est pas un acheteur : membre au titre de l’${legalReferenceAt('ccp-l2113-6', input.at).citation} (second alinéa), il applique pour ces achats les règles du Code de la commande publique.`,
      `S’il vend lui-même des produits de cette famille, ${own.row.name} ne peut à la fois préparer la consultation ou siéger à la commission et être candidat : l’égalité de traitement des candidats l’exclut.`,
    );
  return items;
}
