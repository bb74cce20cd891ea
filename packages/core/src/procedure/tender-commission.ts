import { countFr } from '../french/count-fr';
import type { IsoDate, OrganizationKind } from '../domain/types';
import { DomainError } from '../errors/domain-error';

/** Which tendering commission awards the groupement's formalised contracts (CGCT L1414-3). */
export type TenderCommission = 'coordinator' | 'groupement';

/** One version of the rule, as in force over a date range, with its text and where it was checked. */
export interface TenderCommissionRuleVersion {
  id: string;
  article: string;
  effectiveFrom: IsoDate;
  /** Inclusive last day, null when still in force. */
  effectiveTo: IsoDate | null;
  amendedBy: string;
  /** Date the text was last compared with its published version, and where. */
  checkedOn: IsoDate;
  sources: readonly string[];
  /** The paragraphs the product applies, quoted. */
  text: { i: string; i1: string; i2: string; chair: string; ii: string };
  /** Kinds counted among « collectivités territoriales ou établissements publics locaux » (other than EPSMS and OPH). */
  localKinds: readonly OrganizationKind[];
  /** Kinds that have a CAO of their own (CGCT L1414-2, composition L1411-5). */
  kindsWithCao: readonly OrganizationKind[];
}

/**
 * CGCT L1414-3 in the version in force since 11 December 2016. Public hospitals (établissements
 * publics de santé) are neither local authorities nor their local établissements publics, and have
 * had no CAO since the 2015 ordonnance: they count as « autres membres » (I 2°).
 */
export const TENDER_COMMISSION_RULES: readonly TenderCommissionRuleVersion[] = [
  {
    id: 'cgct-l1414-3-2016-12-11',
    article: 'CGCT L1414-3',
    effectiveFrom: '2016-12-11',
    effectiveTo: null,
    amendedBy: 'Ordonnance n° 2015-899 du 23 juillet 2015, art. 101 ; loi n° 2016-1691 du 9 décembre 2016, art. 39',
    checkedOn: '2026-12-06',
    sources: [
      'https://www.doctrine.fr/l/texts/codes/LEGITEXT000006070633/articles/LEGIARTI000006389259 (versions : 19/06/2004, 30/07/2008, 01/04/2016, 11/12/2016)',
      'https://juriblio.fr/codes/code-general-des-collectivites-territoriales/partie-legislative/premiere-partie/livre-iv/titre-ier/chapitre-iv/article-l1414-3',
      'https://www.code-commande-publique.com/article-l1414-3-cgct/',
    ],
    text: {
      i: 'Lorsqu’un groupement de commandes est composé en majorité de collectivités territoriales ou d’établissements publics locaux autres qu’un établissement public social ou médico-social ou qu’un office public de l’habitat, il est institué une commission d’appel d’offres composée des membres suivants :',
      i1: 'Un représentant élu parmi les membres ayant voix délibérative de la commission d’appel d’offres de chaque membre du groupement qui dispose d’une commission d’appel d’offres ;',
      i2: 'Un représentant pour chacun des autres membres du groupement désigné selon les modalités qui leur sont propres.',
      chair:
        'La commission d’appel d’offres est présidée par le représentant du coordonnateur du groupement. Pour chaque membre titulaire peut être prévu un suppléant.',
      ii: 'La convention constitutive d’un groupement de commandes peut prévoir que la commission d’appel d’offre compétente est celle du coordonnateur du groupement si celui-ci en est doté.',
    },
    localKinds: ['departement', 'region', 'commune', 'epci'],
    kindsWithCao: ['departement', 'region', 'commune', 'epci'],
  },
];

export interface TenderCommissionMember {
  organizationId: string;
  name: string;
  kind: OrganizationKind;
}

/** One seat of the groupement's commission and the paragraph that grounds it. */
export interface CommissionSeat {
  organizationId: string;
  name: string;
  basis: 'elected_cao_member' | 'designated_representative';
  isChair: boolean;
}

export interface TenderCommissionResult {
  ruleVersionId: string;
  article: string;
  /** True when the groupement is mostly local authorities (L1414-3 I applies). */
  isMostlyLocal: boolean;
  localMemberCount: number;
  memberCount: number;
  coordinatorHasCao: boolean;
  /** What the convention may choose, the proposal first. */
  allowed: TenderCommission[];
  proposed: TenderCommission;
  /** Seats of the groupement's commission (used when `groupement` is chosen). */
  seats: CommissionSeat[];
  explanation: string;
}

export interface ResolveTenderCommissionOptions {
  members: readonly TenderCommissionMember[];
  coordinatorId: string;
  /** Date the rule is read at (the convention's signature, in practice the analysis date). */
  at: IsoDate;
  rules?: readonly TenderCommissionRuleVersion[];
}

function findRule(rules: readonly TenderCommissionRuleVersion[], at: IsoDate): TenderCommissionRuleVersion {
  const rule = rules.find((r) => r.effectiveFrom <= at && (r.effectiveTo === null || at <= r.effectiveTo));
  if (!rule)
    throw DomainError.validation('Aucune version de l’article L1414-3 ne couvre cette date.', [
      { field: 'at', reason: `aucune version en vigueur le ${at}` },
    ]);
  return rule;
}

/** Whether an organization of this kind has a CAO of its own under the rule in force at `at`. */
export function hasTenderCommission(kind: OrganizationKind, at: IsoDate, rules = TENDER_COMMISSION_RULES): boolean {
  return findRule(rules, at).kindsWithCao.includes(kind);
}

/** « Composé en majorité de collectivités territoriales ou d’établissements publics locaux » (L1414-3 I): strictly more than half. */
export function isMostlyLocalAuthorities(
  members: readonly Pick<TenderCommissionMember, 'kind'>[],
  at: IsoDate,
  rules = TENDER_COMMISSION_RULES,
): boolean {
  const rule = findRule(rules, at);
  return 2 * members.filter((m) => rule.localKinds.includes(m.kind)).length > members.length;
}

/**
 * The CAO of a groupement under CGCT L1414-3: mostly local authorities → a groupement CAO with one
 * elected member of each member's CAO and one representative of each other member (I), unless the
 * convention designates the coordinator's CAO, possible only when the coordinator has one (II).
 * Otherwise the article does not apply and the convention institutes its own commission.
 */
export function resolveTenderCommission({
  members,
  coordinatorId,
  at,
  rules = TENDER_COMMISSION_RULES,
}: ResolveTenderCommissionOptions): TenderCommissionResult {
  const rule = findRule(rules, at);
  const localMemberCount = members.filter((m) => rule.localKinds.includes(m.kind)).length;
  const isMostlyLocal = isMostlyLocalAuthorities(members, at, rules);
  const coordinator = members.find((m) => m.organizationId === coordinatorId);
  const coordinatorHasCao = coordinator !== undefined && rule.kindsWithCao.includes(coordinator.kind);
  const seats = members.map(
    (m): CommissionSeat => ({
      organizationId: m.organizationId,
      name: m.name,
      // L1414-3 I 1° only when the article applies; the convention's own commission seats a representative of each member.
      basis: isMostlyLocal && rule.kindsWithCao.includes(m.kind) ? 'elected_cao_member' : 'designated_representative',
      isChair: m.organizationId === coordinatorId,
    }),
  );
  // Mostly local with a coordinator's CAO: designating it (II) is lighter than forming a new commission.
  const allowed: TenderCommission[] = !coordinatorHasCao
    ? ['groupement']
    : isMostlyLocal
      ? ['coordinator', 'groupement']
      : ['groupement', 'coordinator'];
  const name = coordinator?.name ?? 'le coordonnateur';
  const share = `${countFr(localMemberCount, 'membre')} sur ${members.length} ${localMemberCount > 1 ? 'sont des collectivités territoriales ou leurs établissements publics locaux' : 'est une collectivité territoriale ou l’un de ses établissements publics locaux'}`;
  const explanation = !isMostlyLocal
    ? `${share} : le groupement n’est pas composé en majorité de collectivités (${rule.article} I ne s’applique pas). La convention institue la commission du groupement : un représentant de chaque membre, présidée par le représentant du coordonnateur.`
    : coordinatorHasCao
      ? `${share} : ${rule.article} I s’applique. La convention désigne la commission d’appel d’offres du coordonnateur, ${name} (${rule.article} II), ou, à défaut, institue une commission du groupement : un élu de la CAO de chaque membre qui en a une, un représentant de chaque autre membre, présidée par le représentant du coordonnateur.`
      : `${share} : ${rule.article} I s’applique. Le coordonnateur, ${name}, n’a pas de commission d’appel d’offres (un établissement public de santé n’en a pas) : la convention ne peut pas désigner la sienne (${rule.article} II) et doit instituer la commission du groupement : un élu de la CAO de chaque membre qui en a une, un représentant de chaque autre membre, présidée par le représentant du coordonnateur.`;
  return {
    ruleVersionId: rule.id,
    article: rule.article,
    isMostlyLocal,
    localMemberCount,
    memberCount: members.length,
    coordinatorHasCao,
    allowed,
    proposed: allowed[0] as TenderCommission,
    seats,
    explanation,
  };
}
