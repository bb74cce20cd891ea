import type { OrganizationKind } from '../domain/types';
import { getCommune } from '../geo/communes';
import type { ReferenceLegalUnit } from './find-reference-legal-unit';
import { describeLegalCategory } from './legal-categories';
import type { BuyerNameReading, BuyerUnitKind } from './read-buyer-name';
import type { NameRepair } from './repair-broken-name';
import type { BuyerIdentity, BuyerIdentityInput, PublishedName } from './resolve-buyer-identity';
import { sirenOf } from './siret';

const KIND_LABELS: Record<OrganizationKind, string> = {
  departement: 'département',
  region: 'région',
  commune: 'commune',
  epci: 'intercommunalité (EPCI)',
  hospital: 'établissement de santé',
  state: 'service de l’État',
  other_public: 'autre acheteur public',
  sme: 'PME',
  large_company: 'grande entreprise',
  association: 'association',
};

const UNIT_LABELS: Record<BuyerUnitKind, string> = {
  budget_principal: 'le budget principal d’une unité légale, non une personne morale distincte',
  budget_annexe: 'un budget annexe d’une unité légale, non une personne morale',
  purchasing: 'le service des achats d’une unité légale',
  service: 'un service d’une unité légale, non une personne morale',
  mandate: 'un acheteur agissant pour le compte d’un autre',
};

const SHOWN_NAMES = 3;

interface ExplainOptions {
  identity: Omit<BuyerIdentity, 'explanation'>;
  input: BuyerIdentityInput;
  own: readonly (PublishedName & { text: string; reading: BuyerNameReading })[];
  reference: ReferenceLegalUnit | null;
}

/** Why a buyer bears its name, kind and commune, in French, one sentence a line (see `resolveBuyerIdentity`). */
export function explainBuyerIdentity({ identity, input, own, reference }: ExplainOptions): string[] {
  const siren = sirenOf(input.siret);
  const lines: string[] = [];
  if (own.length > 0) lines.push(publishedLine(own));
  else if (input.isBuyer) lines.push('Les DECP de cet acheteur ne publient pas son nom (le format 2024 n’en a pas).');
  lines.push(...repairLines(identity.repairs));
  if (identity.isStillBroken)
    lines.push('Des caractères restent illisibles (�) : aucune source ne les donne sans deviner ; corrigez le nom si vous le connaissez.');
  const top = own[0];
  if (identity.unit !== null) lines.push(`« ${identity.unit.text} » désigne ${UNIT_LABELS[identity.unit.kind]}.`);
  else if (top?.reading.shape === 'generic' && identity.legal?.source !== 'published')
    lines.push(`« ${top.text} » ne nomme aucun acheteur en particulier.`);
  else if (top?.reading.shape === 'groupement' && identity.legal?.source !== 'published')
    lines.push(`« ${top.text} » désigne un groupement de commandes, non une personne morale.`);
  if (identity.conflict !== null)
    lines.push(
      `Le nom publié « ${identity.conflict.published} » ne désigne pas l’unité légale de ce SIREN, « ${identity.conflict.officialName} » ` +
        `(${reference?.source ?? 'liste officielle'}) : c’est le nom de celle-ci qui est retenu ; vérifiez pour qui ce SIRET achète.`,
    );
  lines.push(...legalLines(identity, input, siren, reference));
  if (identity.isNameKept && identity.resolvedName !== input.current.name)
    lines.push(`Nom saisi dans Mutualis conservé (« ${input.current.name} ») ; les sources donneraient « ${identity.resolvedName} ».`);
  lines.push(...kindLines(identity, input, reference));
  lines.push(...locationLines(identity, input));
  return lines;
}

function publishedLine(own: ExplainOptions['own']): string {
  const shown = own
    .slice(0, SHOWN_NAMES)
    .map((n) => `« ${n.name} » (${n.count} marché${n.count > 1 ? 's' : ''})`)
    .join(', ');
  const more = own.length > SHOWN_NAMES ? ` et ${own.length - SHOWN_NAMES} autre${own.length - SHOWN_NAMES > 1 ? 's' : ''}` : '';
  return `Publié dans les DECP sous ${shown}${more}.`;
}

function repairLines(repairs: readonly NameRepair[]): string[] {
  const lines: string[] = [];
  for (const repair of repairs.filter((r) => r.source === 'variant'))
    lines.push(
      `Accents perdus à la publication dans « ${repair.broken} » : rétablis d’après « ${repair.repaired} », publié pour le même SIRET.`,
    );
  const words = unique(repairs.filter((r) => r.source === 'vocabulary').map((r) => `« ${r.broken} » → « ${r.repaired} »`));
  if (words.length > 0)
    lines.push(
      `Accents perdus à la publication, rétablis d’après l’orthographe des noms officiels (communes, nomenclature CPV) : ${words.join(', ')}.`,
    );
  const trailing = unique(repairs.filter((r) => r.source === 'trailing').map((r) => `« ${r.broken} » → « ${r.repaired} »`));
  if (trailing.length > 0) lines.push(`Caractères illisibles en fin de nom supprimés : ${trailing.join(', ')}.`);
  const elisions = unique(repairs.filter((r) => r.source === 'apostrophe').map((r) => `« ${r.broken} » → « ${r.repaired} »`));
  if (elisions.length > 0) lines.push(`Apostrophe rétablie : ${elisions.join(', ')}.`);
  return lines;
}

function legalLines(
  identity: ExplainOptions['identity'],
  input: BuyerIdentityInput,
  siren: string,
  reference: ReferenceLegalUnit | null,
): string[] {
  const { legal } = identity;
  const sirenText = `SIREN ${siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3')}`;
  if (legal === null)
    return identity.status === 'unknown_legal_unit'
      ? [
          `Unité légale inconnue (${sirenText}) : ni un autre établissement du même SIREN, ni la liste officielle des communes et EPCI, ni SIRENE ne la nomment. ` +
            'Le nom affiché le dit, pour qu’un budget ou un service ne soit pas pris pour une personne morale (comme coordonnateur par exemple) ; ' +
            'importez SIRENE (mutualis import sirene) ou corrigez le nom.',
        ]
      : [];
  switch (legal.source) {
    case 'published':
      return input.publishedNames.length > 1 ? [`Unité légale : « ${legal.text} », le mieux écrit des noms publiés pour ce SIRET.`] : [];
    case 'sibling':
      return [`Unité légale : « ${legal.text} », nom publié par un autre établissement du même SIREN (SIRET ${legal.siret}).`];
    case 'reference':
      return [`Unité légale : « ${legal.text} » (${sirenText}), d’après la ${reference?.source ?? 'liste officielle'}.`];
    case 'sirene':
      return [`Unité légale : « ${legal.text} » (${sirenText}), d’après le répertoire SIRENE.`];
  }
}

function kindLines(identity: ExplainOptions['identity'], input: BuyerIdentityInput, reference: ReferenceLegalUnit | null): string[] {
  const label = KIND_LABELS[identity.values.kind];
  switch (identity.kindSource) {
    case 'sirene': {
      const code = input.legalUnit?.legalCategory ?? '';
      return [`Type « ${label} » d’après la catégorie juridique ${code} « ${describeLegalCategory(code)} » (SIRENE).`];
    }
    case 'reference':
      return [`Type « ${label} » d’après la ${reference?.source ?? 'liste officielle'}.`];
    case 'name':
      return input.legalUnit === null
        ? [`Type « ${label} » deviné d’après le nom (sans SIRENE).`]
        : [
            `Type « ${label} » deviné d’après le nom : la catégorie juridique ${input.legalUnit.legalCategory} « ${describeLegalCategory(input.legalUnit.legalCategory)} » ne le fixe pas.`,
          ];
    case 'kept':
      return [];
  }
}

function locationLines(identity: ExplainOptions['identity'], input: BuyerIdentityInput): string[] {
  const lines: string[] = [];
  const commune = getCommune(identity.values.inseeCode);
  if (identity.locationSource === 'sirene' && commune)
    lines.push(`Commune : ${commune.name} (${commune.code}), adresse de l’établissement dans SIRENE.`);
  if (identity.locationSource === 'reference' && commune) lines.push(`Commune : ${commune.name} (${commune.code}), siège de la commune.`);
  if (input.establishment !== null && !input.establishment.isActive) lines.push('Établissement fermé selon SIRENE.');
  if (input.legalUnit !== null && !input.legalUnit.isActive) lines.push('Unité légale cessée selon SIRENE.');
  return lines;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}
