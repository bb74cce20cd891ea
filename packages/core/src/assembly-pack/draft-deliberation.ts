import type { MandateScope } from '../domain/types';
import { formatSavingsShareFr } from '../savings/explain-savings';
import type { AssemblyPackInput } from './assembly-pack-input';
import { type DocumentBlock, type DocumentPart, type DocumentSection, paragraph as p } from './document-model';
import { legalReferenceAt } from './legal-references';
import { APPROVING_BODY_FR, memberStandingOf } from './member-standing';
import { coordinatorNames, dateFr, euros, type OwnFacts, ownFactsOf } from './pack-facts';

const SIGNATORY_FR: Record<string, string> = {
  commune: 'le Maire',
  departement: 'le Président du conseil départemental',
  region: 'le Président du conseil régional',
  epci: 'le Président',
};

const SIGNATURE_SCOPE_FR: Record<MandateScope, string> = {
  procedure:
    'ainsi que les marchés et accords-cadres issus du groupement, à hauteur des besoins propres du membre, et tout document s’y rapportant',
  procedure_signature:
    'le coordonnateur signant et notifiant les marchés au nom de tous les membres, chaque membre en exécutant la part qui le concerne',
  procedure_signature_execution:
    'le coordonnateur signant, notifiant et exécutant les marchés au nom de tous les membres, qui lui remboursent les dépenses exposées pour leur compte',
};

/**
 * The draft deliberation of a local authority's assembly, or the draft decision of another member's
 * competent body (a hospital's director, a private member's body under its articles): visas,
 * considérants, articles approving the convention, designating the coordinator, authorising the
 * signature and, where the groupement's own commission is formed, naming the member's representative.
 */
export function composeDraftDeliberation(input: AssemblyPackInput): DocumentPart {
  const own = ownFactsOf(input);
  const standing = memberStandingOf(own.row.kind);
  const body = APPROVING_BODY_FR[own.row.kind];
  const isAssembly = standing === 'local_authority';
  const articles = articlesOf(input, own).map((blocks, i): DocumentSection => ({ heading: `Article ${i + 1}`, blocks }));
  return {
    title: isAssembly ? 'Projet de délibération' : 'Projet de décision de l’organe compétent',
    subtitle: `${own.row.name} — adhésion au groupement de commandes « ${input.groupement.name} »`,
    intro: [
      p(`${own.row.name} — ${capitalise(body)}`, true),
      ...visas(input, own).map((v) => p(v)),
      ...considerants(input, own).map((c) => p(c)),
      p(isAssembly ? 'Après en avoir délibéré,' : 'Décide :', true),
    ],
    sections: articles,
    closing: [
      p(isAssembly ? 'Fait et délibéré les jour, mois et an susdits. Pour extrait conforme.' : 'Fait à [lieu], le [date].'),
      {
        kind: 'table',
        header: ['Adopté le', 'Pour', 'Contre', 'Abstention'],
        rows: [['', '', '', '']],
        widths: [2, 1, 1, 1],
        rowHeight: 28,
      },
    ],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function visas(input: AssemblyPackInput, own: OwnFacts): string[] {
  const standing = memberStandingOf(own.row.kind);
  const l2113 = `Vu le Code de la commande publique, notamment ses articles L2113-6 et L2113-7 relatifs aux groupements de commandes, R2121-8 et R2162-4 relatifs aux accords-cadres ;`;
  const cao = input.commission.isMostlyLocal
    ? [
        `Vu le Code général des collectivités territoriales, notamment son article ${input.commission.article.replace('CGCT ', '')} relatif à la commission d’appel d’offres des groupements de commandes ;`,
      ]
    : [];
  const own_ =
    standing === 'private_person'
      ? [`Vu les statuts de ${own.row.name} ;`]
      : standing === 'local_authority' && cao.length === 0
        ? ['Vu le Code général des collectivités territoriales ;']
        : [];
  return [
    ...own_,
    l2113,
    ...cao,
    `Vu le projet de convention constitutive du groupement de commandes « ${input.groupement.name} » et ses annexes ;`,
  ];
}

function considerants(input: AssemblyPackInput, own: OwnFacts): string[] {
  const detail = input.opportunity?.savingsDetail;
  const items = [
    `Considérant que ${own.row.name} a des besoins récurrents relevant de la famille « ${input.groupement.familyName} », estimés à ${own.money(own.annualAmountCents)} par an ;`,
    `Considérant que la mutualisation de ces besoins avec ceux des autres membres au sein d’un groupement de commandes permet de passer une seule procédure et d’obtenir de meilleures conditions d’achat${
      detail && own.savings && own.showsOwnFigures && detail.provenance.kind === 'price'
        ? `, l’économie annuelle sur les prix étant estimée pour ${own.row.name} entre ${euros(own.savings.purchase.low)} et ${euros(own.savings.purchase.high)} (fourchette publiée de ${formatSavingsShareFr(detail.provenance.range.low)} à ${formatSavingsShareFr(detail.provenance.range.high)}, note de présentation)`
        : ''
    } ;`,
    `Considérant que la convention constitutive désigne ${coordinatorNames(input)} comme coordonnateur et que l’engagement de ${own.row.name} est limité à ${euros(own.row.maximumCents)} sur toute la durée de l’accord-cadre (annexe 1) ;`,
  ];
  if (own.entry && own.entry.wave === 'later')
    items.push(
      `Considérant que ${own.row.name} n’entrera dans l’exécution des marchés que le ${dateFr(own.entry.joinDate)}, à l’échéance de son marché en cours ;`,
    );
  if (memberStandingOf(own.row.kind) === 'private_person')
    items.push(
      `Considérant que ${own.row.name}, personne morale de droit privé qui n’est pas un acheteur, peut être membre du groupement à condition d’appliquer, pour les achats réalisés dans ce cadre, les règles du Code de la commande publique (${legalReferenceAt('ccp-l2113-6', input.at).citation}, second alinéa) ;`,
    );
  return items;
}

function articlesOf(input: AssemblyPackInput, own: OwnFacts): DocumentBlock[][] {
  const standing = memberStandingOf(own.row.kind);
  const signatory = SIGNATORY_FR[own.row.kind] ?? 'son représentant légal';
  const coordinators = coordinatorNames(input);
  const articles: DocumentBlock[][] = [
    [
      p(
        `Approuve l’adhésion de ${own.row.name} au groupement de commandes « ${input.groupement.name} » et les termes de la convention constitutive et de ses annexes, jointes à la présente.`,
      ),
    ],
    [
      p(
        own.isCoordinator
          ? `Accepte que ${own.row.name} assure les fonctions de coordonnateur du groupement, dans les limites du mandat fixé par la convention.`
          : `Accepte la désignation de ${coordinators} comme coordonnateur du groupement, chargé d’agir au nom et pour le compte de ${own.row.name} dans les limites du mandat fixé par la convention.`,
      ),
    ],
    [p(`Autorise ${signatory} à signer la convention constitutive, ${SIGNATURE_SCOPE_FR[input.groupement.mandateScope]}.`)],
  ];
  const seat = caoSeatArticle(input);
  if (seat) articles.push([p(seat)]);
  if (standing === 'private_person')
    articles.push([
      p(
        `S’engage à appliquer, pour les achats réalisés dans le cadre du groupement, les règles du Code de la commande publique (${legalReferenceAt('ccp-l2113-6', input.at).citation}).`,
      ),
    ]);
  articles.push([
    p(
      `Dit que les dépenses correspondantes, dans la limite de ${euros(own.row.maximumCents)} sur toute la durée, et la quote-part des frais de procédure (annexe 3) seront imputées sur les crédits ${standing === 'private_person' ? 'de son budget' : 'inscrits au budget des exercices concernés'}.`,
    ),
  ]);
  return articles;
}

/**
 * CGCT L1414-3: when the convention forms the groupement's own commission, each member names its
 * seat — an elected member of its own CAO (I 1°) or a representative designated its own way (I 2°).
 * When the coordinator's CAO is designated (II), or the member is the coordinator chairing it, no seat is named here.
 */
function caoSeatArticle(input: AssemblyPackInput): string | null {
  const chosen = input.commission.allowed.includes(input.tenderCommission) ? input.tenderCommission : 'groupement';
  if (chosen !== 'groupement') return null;
  const seat = input.commission.seats.find((s) => s.organizationId === input.memberId);
  if (!seat) return null;
  const how =
    seat.basis === 'elected_cao_member'
      ? `élu parmi les membres ayant voix délibérative de sa commission d’appel d’offres (${input.commission.article} I 1°)`
      : input.commission.isMostlyLocal
        ? `désigné selon ses modalités propres (${input.commission.article} I 2°)`
        : 'désigné selon ses modalités propres (commission instituée par la convention)';
  const chair = seat.isChair ? ' ; le représentant du coordonnateur préside la commission' : '';
  return `Désigne, pour siéger à la commission d’appel d’offres du groupement, M./Mme [titulaire] et M./Mme [suppléant], ${how}${chair}.`;
}
