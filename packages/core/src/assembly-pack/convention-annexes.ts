import type { AssemblyPackInput } from './assembly-pack-input';
import { type DocumentPart, paragraph as p } from './document-model';
import { legalReferenceAt } from './legal-references';
import { memberStandingOf } from './member-standing';
import { euros } from './pack-facts';
import { shareCostProRata } from './share-cost-pro-rata';

const STANDING_FR = {
  local_authority: 'Collectivité territoriale',
  public_buyer: 'Acheteur public',
  private_person: 'Personne privée (L2113-6)',
};

/**
 * The annexes of the convention every signatory reads: each member's quantities and maximum
 * (the accord-cadre's maximum per member), the commission's composition, the cost sharing.
 */
export function composeConventionAnnexes(input: AssemblyPackInput): DocumentPart {
  const { annex, commission } = input;
  const total = annex.reduce((s, r) => s + r.maximumCents, 0);
  const names = new Map(annex.map((r) => [r.organizationId, r.name]));
  const chosen = commission.allowed.includes(input.tenderCommission) ? input.tenderCommission : 'groupement';
  const coordinator = names.get(input.groupement.coordinatorIds[0] ?? '') ?? '';
  const shares = shareCostProRata(
    input.groupement.procedureCostCents,
    annex.map((r) => ({ id: r.organizationId, amountCents: r.maximumCents })),
  );
  const caoBlocks =
    chosen === 'coordinator'
      ? [
          p(`La commission d’appel d’offres compétente est celle du coordonnateur, ${coordinator} (${commission.article} II).`),
          p(commission.explanation),
        ]
      : [
          p(commission.explanation),
          {
            kind: 'table' as const,
            header: ['Membre', 'Siège', ''],
            rows: commission.seats.map((s) => [
              s.name,
              s.basis === 'elected_cao_member'
                ? 'Un élu de sa commission d’appel d’offres ayant voix délibérative (I 1°), et un suppléant'
                : 'Un représentant désigné selon ses modalités propres (I 2°), et un suppléant',
              s.isChair ? 'Présidence' : '',
            ]),
            widths: [3, 5, 1.2],
          },
        ];
  return {
    title: 'Annexes à la convention constitutive',
    subtitle: input.groupement.name,
    intro: [p('Ces annexes sont communes à tous les membres : chaque signataire les lit.')],
    sections: [
      {
        heading: 'Annexe 1 — Quantités prévisionnelles et montants maximums des membres',
        blocks: [
          p(
            `Chaque membre s’engage pour ses besoins propres, dans la limite de son montant maximum hors taxes sur toute la durée de l’accord-cadre, reconductions comprises. L’accord-cadre est conclu avec un maximum (${legalReferenceAt('ccp-r2162-4', input.at).citation}) ; sa valeur estimée est la somme de ces maximums (${legalReferenceAt('ccp-r2121-8', input.at).citation}).`,
          ),
          {
            kind: 'table',
            header: ['Membre', 'Nature', 'Quantités annuelles prévisionnelles', 'Montant maximum HT'],
            rows: [
              ...annex.map((r) => [
                r.name,
                STANDING_FR[memberStandingOf(r.kind)],
                r.annualQuantity || 'montants seulement',
                euros(r.maximumCents),
              ]),
              ['Total', '', '', euros(total)],
            ],
            widths: [3, 2, 2.5, 2],
          },
        ],
      },
      { heading: 'Annexe 2 — Composition de la commission d’appel d’offres', blocks: caoBlocks },
      {
        heading: 'Annexe 3 — Répartition des frais de procédure',
        blocks: [
          p(
            `Les frais de procédure (publicité, plateforme, reprographie), estimés à ${euros(input.groupement.procedureCostCents)}, sont avancés par le coordonnateur et répartis au prorata des montants maximums. Chaque membre supporte seul les frais d’exécution de sa part.`,
          ),
          {
            kind: 'table',
            header: ['Membre', 'Part', 'Quote-part des frais'],
            rows: shares.map((s) => [
              names.get(s.id) ?? s.id,
              `${(s.basisPoints / 100).toFixed(2).replace('.', ',')} %`,
              euros(s.costCents),
            ]),
            widths: [4, 1.5, 2],
          },
        ],
      },
    ],
    closing: [],
  };
}
