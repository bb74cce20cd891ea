import { formatDateFr, formatEuros, getCommune, getCpv, LOCAL_AUTHORITY_KINDS, type MandateScope } from '@mutualis/core';
import { MANDATE_SCOPE_LABELS, ORGANIZATION_KIND_LABELS } from '../french-labels';
import { shareCostProRata } from './cost-sharing';
import type { ConventionArticle, ConventionBlock } from './convention-document';
import type { ConventionInput, ConventionParty } from './convention-input';

const p = (text: string): ConventionBlock => ({ kind: 'paragraph', text });

export function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function coordinators(input: ConventionInput): ConventionParty[] {
  return input.parties.filter((party) => input.coordinatorIds.includes(party.organization.id));
}

function coordinatorNames(input: ConventionInput): string {
  return coordinators(input)
    .map((c) => `${c.organization.name} (SIRET ${c.organization.siret})`)
    .join(', ');
}

export function objectArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const cpvRows = input.family.cpvCodes.map((code) => [code, getCpv(code)?.labelFr ?? '']);
  return {
    title: 'Objet',
    blocks: [
      p(
        `La présente convention constitue, en application des articles L2113-6 et L2113-7 du Code de la commande publique, un groupement de commandes dénommé « ${input.name} » entre les membres désignés à l’article 2, afin de passer conjointement un ou plusieurs marchés publics ou accords-cadres ayant pour objet : ${input.object}`,
      ),
      p(
        `Les achats couverts relèvent de la famille « ${input.family.name} », identifiée par les codes du Vocabulaire commun pour les marchés publics (CPV 2008) suivants :`,
      ),
      { kind: 'table', header: ['Code CPV', 'Libellé'], rows: cpvRows, widths: [1, 4] },
      p(
        'Le groupement n’a pas la personnalité morale. Il repose sur les mandats que chaque membre confie au coordonnateur dans les limites fixées par la présente convention.',
      ),
    ],
  };
}

export function membersArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const rows = input.parties.map((party) => [
    party.organization.name,
    party.organization.siret,
    ORGANIZATION_KIND_LABELS[party.organization.kind],
    `${party.address}, ${getCommune(party.organization.inseeCode)?.name ?? party.organization.inseeCode}`,
  ]);
  return {
    title: 'Membres du groupement',
    blocks: [
      p('Sont membres du groupement :'),
      { kind: 'table', header: ['Membre', 'SIRET', 'Nature', 'Adresse'], rows, widths: [3, 2, 2, 3] },
      p(
        'Les membres qui ne sont pas des acheteurs au sens du Code de la commande publique appliquent, pour les achats réalisés dans le cadre du groupement, les règles de ce code (article L2113-6).',
      ),
    ],
  };
}

export function durationArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const kind = input.isPermanent
    ? 'Le groupement est constitué à titre permanent : il peut passer des marchés successifs pour la famille d’achat définie à l’article 1, sans qu’une nouvelle convention soit nécessaire.'
    : 'Le groupement est constitué à titre ponctuel, pour la seule passation et exécution des marchés définis à l’article 1.';
  const duration =
    input.durationMonths === null
      ? 'La convention est conclue pour une durée indéterminée. Elle peut être résiliée d’un commun accord des membres.'
      : `La convention est conclue pour une durée de ${input.durationMonths} mois, et en tout état de cause jusqu’à l’expiration des marchés passés en son application.`;
  return {
    title: 'Nature et durée',
    blocks: [
      p(kind),
      p(
        `La convention entre en vigueur à la date de sa signature par le dernier des membres, et au plus tard avant le lancement de la première procédure. ${duration}`,
      ),
      ...entryBlocks(input),
    ],
  };
}

/**
 * Entrée différée: a member whose running contract ends during the pooled contract is a member from
 * the start, counted in the estimated value; only its start of execution comes later.
 */
function entryBlocks(input: ConventionInput): ConventionBlock[] {
  if (input.entries === null || input.entries.length === 0) return [];
  const names = new Map(input.parties.map((party) => [party.organization.id, party.organization.name]));
  const rows = input.entries.map((e) => [
    names.get(e.organizationId) ?? e.organizationId,
    formatDateFr(e.joinDate),
    e.isAtStart ? 'Démarrage des marchés' : 'Entrée différée, à l’échéance de son marché en cours',
  ]);
  return [
    p(
      'Tous les membres adhèrent avant le lancement de la consultation et leurs besoins sont comptés dans la valeur estimée des marchés (article R2121-1 du Code de la commande publique). Chacun entre dans leur exécution à la date suivante, inscrite dans les documents de la consultation :',
    ),
    { kind: 'table', header: ['Membre', 'Début d’exécution', 'Motif'], rows, widths: [3, 2, 4] },
  ];
}

export function coordinatorArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const several = input.coordinatorIds.length > 1;
  return {
    title: several ? 'Coordonnateurs' : 'Coordonnateur',
    blocks: [
      p(
        `${several ? 'Sont désignés coordonnateurs' : 'Est désigné coordonnateur'} du groupement : ${coordinatorNames(input)}. Conformément à l’article L2113-7 du Code de la commande publique, ${several ? 'ils agissent' : 'il agit'} au nom et pour le compte des autres membres, dans les limites du mandat défini à l’article 5.`,
      ),
      p('Le coordonnateur ne perçoit aucune rémunération au titre de ses missions.'),
    ],
  };
}

const MANDATE_TEXT: Record<MandateScope, { summary: string; coordinator: string[]; members: string[] }> = {
  procedure: {
    summary:
      'Le coordonnateur est chargé de la seule procédure de passation. Chaque membre signe, notifie et exécute ensuite son propre marché, à hauteur de ses besoins propres.',
    coordinator: [
      'recenser et consolider les besoins des membres et rédiger le dossier de consultation ;',
      'publier les avis de publicité, répondre aux questions des candidats et réceptionner les offres ;',
      'analyser les candidatures et les offres et réunir la commission d’appel d’offres compétente ;',
      'informer les candidats non retenus et transmettre à chaque membre le dossier permettant la signature de son marché.',
    ],
    members: ['signer et notifier son marché au titulaire retenu ;', 'exécuter son marché : commandes, réception, paiement.'],
  },
  procedure_signature: {
    summary:
      'Le coordonnateur est chargé de la procédure de passation, de la signature et de la notification des marchés au nom de l’ensemble des membres. Chaque membre exécute la part du marché qui le concerne.',
    coordinator: [
      'recenser et consolider les besoins des membres et rédiger le dossier de consultation ;',
      'publier les avis, réceptionner et analyser les offres, réunir la commission d’appel d’offres compétente ;',
      'signer le marché et le notifier au titulaire au nom et pour le compte de tous les membres ;',
      'transmettre à chaque membre une copie du marché notifié.',
    ],
    members: [
      'exécuter la part du marché qui le concerne : commandes, réception, paiement ;',
      'informer le coordonnateur de toute difficulté d’exécution.',
    ],
  },
  procedure_signature_execution: {
    summary:
      'Le coordonnateur est chargé de la passation, de la signature, de la notification et de l’exécution des marchés au nom et pour le compte de tous les membres (mandat intégral).',
    coordinator: [
      'conduire l’intégralité de la procédure de passation et réunir la commission d’appel d’offres compétente ;',
      'signer et notifier le marché au nom de tous les membres ;',
      'exécuter le marché : émettre les commandes, réceptionner les prestations, payer le titulaire, conclure les avenants ;',
      'refacturer à chaque membre les dépenses correspondant à ses besoins.',
    ],
    members: [
      'rembourser au coordonnateur les dépenses exposées pour son compte, dans un délai de 30 jours ;',
      'exprimer ses besoins de commande auprès du coordonnateur.',
    ],
  },
};

export function mandateArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const text = MANDATE_TEXT[input.mandateScope];
  return {
    title: 'Étendue du mandat confié au coordonnateur',
    blocks: [
      { kind: 'paragraph', text: `Mandat retenu : ${MANDATE_SCOPE_LABELS[input.mandateScope]}.`, bold: true },
      p(text.summary),
      p('À ce titre, le coordonnateur est chargé de :'),
      { kind: 'bullets', items: text.coordinator },
      p('Chaque membre s’engage à :'),
      {
        kind: 'bullets',
        items: [
          'définir et transmettre ses besoins (quantités prévisionnelles, lieux de livraison, exigences) avant le lancement de la procédure, dans le délai fixé par le coordonnateur ;',
          ...text.members,
        ],
      },
      p(
        'Conformément à l’article L2113-7 alinéa 2 du Code de la commande publique, les membres sont solidairement responsables des seules opérations de passation ou d’exécution menées conjointement en leur nom et pour leur compte ; chacun reste seul responsable des opérations qu’il conduit lui-même.',
      ),
    ],
  };
}

const SEAT_TEXT = {
  elected_cao_member: 'Un représentant élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (I 1°)',
  designated_representative: 'Un représentant désigné selon ses modalités propres (I 2°)',
} as const;

export function commissionArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const { commission } = input;
  const chair = coordinators(input)[0]?.organization.name ?? '';
  const basis = `${commission.localMemberCount} membre(s) sur ${commission.memberCount} sont des collectivités territoriales ou des établissements publics locaux`;
  // The convention may name the coordinator's CAO only when L1414-3 II allows it (the coordinator has one).
  const choice = commission.allowed.includes(input.tenderCommission) ? input.tenderCommission : 'groupement';
  const mapa = p('Pour les procédures adaptées, l’attribution relève du coordonnateur, après avis consultatif des membres.');
  if (choice === 'coordinator')
    return {
      title: 'Commission d’appel d’offres',
      blocks: [
        p(
          `En application de l’article L1414-3 ${commission.isMostlyLocal ? 'II ' : ''}du Code général des collectivités territoriales, la commission d’appel d’offres compétente est celle du coordonnateur, ${chair}. ${commission.isMostlyLocal ? `Le groupement est composé en majorité de collectivités territoriales (${basis}).` : `Le groupement n’étant pas composé en majorité de collectivités territoriales (${basis}), la présente convention la désigne librement.`}`,
        ),
        mapa,
      ],
    };
  const seats = commission.seats.map((seat) => [
    seat.name,
    commission.isMostlyLocal ? SEAT_TEXT[seat.basis] : 'Un représentant désigné selon ses modalités propres',
    seat.isChair ? 'Présidence' : '',
  ]);
  const opening = commission.isMostlyLocal
    ? `En application de l’article L1414-3 I du Code général des collectivités territoriales, le groupement étant composé en majorité de collectivités territoriales ou d’établissements publics locaux (${basis}), il est institué une commission d’appel d’offres du groupement, composée comme suit :`
    : `Le groupement n’étant pas composé en majorité de collectivités territoriales ou d’établissements publics locaux (${basis}), l’article L1414-3 du Code général des collectivités territoriales ne lui impose pas de commission d’appel d’offres. La présente convention institue une commission du groupement, qui attribue les marchés passés selon une procédure formalisée, composée comme suit :`;
  const noCao = commission.coordinatorHasCao
    ? []
    : [
        p(
          `Le coordonnateur, ${chair}, n’étant pas doté d’une commission d’appel d’offres, la convention ne peut pas désigner la sienne (article L1414-3 II).`,
        ),
      ];
  return {
    title: 'Commission d’appel d’offres',
    blocks: [
      p(opening),
      { kind: 'table', header: ['Membre', 'Représentation', ''], rows: seats, widths: [3, 5, 1.5] },
      p(
        `La commission est présidée par le représentant du coordonnateur, ${chair}. Pour chaque membre titulaire peut être prévu un suppléant.`,
      ),
      ...noCao,
      mapa,
    ],
  };
}

export function isLocalAuthority(party: ConventionParty): boolean {
  return LOCAL_AUTHORITY_KINDS.includes(party.organization.kind);
}

export function costArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const shares = shareCostProRata(
    input.procedureCostCents,
    input.parties.map((party) => ({ id: party.organization.id, amountCents: party.estimatedAmountCents })),
  );
  const rows = shares.map((share, i) => [
    input.parties[i]?.organization.name ?? share.id,
    formatEuros(share.amountCents),
    `${(share.basisPoints / 100).toFixed(2).replace('.', ',')} %`,
    formatEuros(share.costCents),
  ]);
  const total = shares.reduce((s, x) => s + x.amountCents, 0);
  return {
    title: 'Dispositions financières',
    blocks: [
      p(
        `Les frais de procédure (publicité, plateforme de dématérialisation, reprographie), estimés à ${formatEuros(input.procedureCostCents)} HT, sont avancés par le coordonnateur et répartis entre les membres au prorata du montant maximum de leurs besoins (annexe) :`,
      ),
      {
        kind: 'table',
        header: ['Membre', 'Montant maximum HT', 'Part', 'Quote-part des frais'],
        rows: [...rows, ['Total', formatEuros(total), '100,00 %', formatEuros(input.procedureCostCents)]],
        widths: [4, 2, 1, 2],
      },
      p(
        'Les frais de contentieux liés à la passation sont répartis selon la même clé. Chaque membre supporte seul les frais liés à l’exécution de sa part.',
      ),
    ],
  };
}
