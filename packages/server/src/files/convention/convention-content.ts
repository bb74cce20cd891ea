import { getCommune } from '@mutualis/core';
import {
  commissionArticle,
  coordinatorArticle,
  costArticle,
  durationArticle,
  frenchDate,
  isLocalAuthority,
  mandateArticle,
  membersArticle,
  objectArticle,
} from './convention-articles';
import type { ConventionArticle, ConventionBlock, ConventionDocument } from './convention-document';
import { quantitiesAnnexArticle } from './convention-annex';
import type { ConventionInput } from './convention-input';

const p = (text: string): ConventionBlock => ({ kind: 'paragraph', text });

/** Builds the text of the convention constitutive as numbered articles, shared by the DOCX and PDF renderers. */
export function buildConventionContent(input: ConventionInput): ConventionDocument {
  const articles = [
    objectArticle(input),
    membersArticle(input),
    durationArticle(input),
    coordinatorArticle(input),
    mandateArticle(input),
    commissionArticle(input),
    joiningArticle(input),
    costArticle(input),
    deliberationArticle(input),
    disputesArticle(),
    referencesArticle(),
    quantitiesAnnexArticle(input),
  ].map((article, i): ConventionArticle => ({ ...article, number: i + 1 }));
  return {
    title: 'Convention constitutive de groupement de commandes',
    subtitle: input.name,
    preamble: preamble(input),
    articles,
    closing: closing(input),
  };
}

function preamble(input: ConventionInput): ConventionBlock[] {
  const parties = input.parties.map((party) => {
    const commune = getCommune(party.organization.inseeCode)?.name ?? party.organization.inseeCode;
    return `${party.organization.name}, SIRET ${party.organization.siret}, ${party.address}, ${commune}, ayant pour représentant ${party.signatoryName}, ${party.signatoryTitle}`;
  });
  return [
    p('Vu le Code de la commande publique, notamment ses articles L2113-6 à L2113-8 ;'),
    p('Vu le Code général des collectivités territoriales, notamment son article L1414-3 ;'),
    ...input.parties
      .filter((party) => party.deliberation !== null)
      .map((party) =>
        p(
          `Vu la délibération n° ${party.deliberation?.reference} du ${party.deliberation?.body} (${party.organization.name}) en date du ${frenchDate(party.deliberation?.date ?? '')} ;`,
        ),
      ),
    { kind: 'paragraph', text: 'Entre les soussignés :', bold: true },
    { kind: 'bullets', items: parties },
    p('ci-après dénommés « les membres », il est convenu ce qui suit.'),
  ];
}

function joiningArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const withdrawal = input.isPermanent
    ? `Un membre peut se retirer du groupement par décision de son organe compétent, notifiée au coordonnateur avec un préavis de ${input.withdrawalNoticeMonths} mois. Le retrait ne prend effet qu’à l’expiration des marchés en cours auxquels il est partie ; il reste tenu d’exécuter ses engagements jusqu’à cette date.`
    : 'Le groupement étant ponctuel, aucun retrait n’est possible après le lancement de la procédure ; avant le lancement, un membre peut se retirer par décision de son organe compétent notifiée au coordonnateur.';
  const decider =
    input.admissionsBy === 'coordinator'
      ? 'au coordonnateur, qui l’instruit et décide de la suite à lui donner'
      : 'à l’animateur du territoire qui accompagne le groupement, qui l’instruit et décide de la suite à lui donner';
  return {
    title: 'Adhésion et retrait',
    blocks: [
      p(
        `Toute demande d’adhésion est adressée ${decider} ; aucune organisation ne s’inscrit elle-même au groupement. Toute adhésion d’un nouveau membre est formalisée par un avenant à la présente convention, signé par l’ensemble des membres, après délibération de l’organe compétent du nouveau membre lorsqu’elle est requise.`,
      ),
      p(
        'Un membre qui adhère après le lancement d’une procédure ne peut pas bénéficier des marchés issus de cette procédure : les besoins devant être définis avant le lancement de la consultation (article L2111-1 du Code de la commande publique ; réponse ministérielle, JO AN du 17 mai 2011, question n° 100136), il ne participe qu’aux procédures lancées après son adhésion.',
      ),
      p(
        'Un membre dont l’entrée dans l’exécution est différée (article 3) n’est pas un membre tardif : il adhère avant le lancement, ses besoins sont comptés dans la consultation et sa date de début d’exécution y est inscrite.',
      ),
      p(withdrawal),
      p(
        'Les conséquences financières d’un retrait, notamment la réduction du périmètre des marchés et les éventuelles indemnités dues au titulaire, sont supportées par le membre qui se retire.',
      ),
    ],
  };
}

function deliberationArticle(input: ConventionInput): Omit<ConventionArticle, 'number'> {
  const rows = input.parties.map((party) => [
    party.organization.name,
    party.deliberation
      ? `${party.deliberation.body}, n° ${party.deliberation.reference}`
      : isLocalAuthority(party)
        ? 'Délibération à produire avant signature'
        : 'Décision de l’organe compétent',
    party.deliberation ? frenchDate(party.deliberation.date) : '',
  ]);
  return {
    title: 'Approbation par les assemblées délibérantes',
    blocks: [
      p(
        'L’adhésion de chaque collectivité territoriale ou établissement public local au groupement et la signature de la présente convention sont autorisées par une délibération de son assemblée délibérante :',
      ),
      { kind: 'table', header: ['Membre', 'Délibération', 'Date'], rows, widths: [3, 4, 1.5] },
    ],
  };
}

function disputesArticle(): Omit<ConventionArticle, 'number'> {
  return {
    title: 'Litiges',
    blocks: [
      p(
        'Le coordonnateur représente les membres en justice pour les litiges relatifs à la procédure de passation qu’il conduit en leur nom. Chaque membre est seul compétent pour les litiges relatifs à l’exécution de sa part, sauf mandat d’exécution confié au coordonnateur.',
      ),
      p(
        'À défaut d’accord amiable, les litiges relatifs à la présente convention relèvent du tribunal administratif territorialement compétent.',
      ),
    ],
  };
}

function referencesArticle(): Omit<ConventionArticle, 'number'> {
  return {
    title: 'Références juridiques',
    blocks: [
      {
        kind: 'bullets',
        items: [
          'Article L2113-6 du Code de la commande publique : constitution de groupements de commandes entre acheteurs, ouverts aux personnes morales de droit privé appliquant les règles du code.',
          'Article L2113-7 du Code de la commande publique : convention constitutive, mandat à un ou plusieurs membres, responsabilité solidaire des seules opérations menées conjointement.',
          'Article L2113-8 du Code de la commande publique : groupements avec des acheteurs d’autres États membres de l’Union européenne (sans objet, tous les membres étant établis en France).',
          'Article L1414-3 du Code général des collectivités territoriales : commission d’appel d’offres des groupements de commandes.',
        ],
      },
    ],
  };
}

function closing(input: ConventionInput): ConventionBlock[] {
  return [
    p(`Fait à ${input.signaturePlace}, en ${input.parties.length} exemplaires originaux.`),
    {
      kind: 'table',
      header: ['Membre', 'Signataire', 'Date', 'Signature'],
      rows: input.parties.map((party) => [party.organization.name, `${party.signatoryName}, ${party.signatoryTitle}`, '', '']),
      widths: [3, 3, 1.5, 2.5],
      rowHeight: 60,
    },
  ];
}
