import { formatEuros } from '../census/decimal';
import { getCpv } from '../cpv/cpv-catalog';
import { isPlaceholderSiret } from '../identity/siret';
import type { DecpFlag } from './decp-flag';

/** Flags whose explanation quotes amounts (hidden from a caller who may not see the buyer's prices). */
const QUOTES_AMOUNTS = new Set<DecpFlag['code']>(['amount_sentinel', 'amount_anomalous', 'amendment_amount_low']);

export interface ExplainDecpFlagOptions {
  /** False for a caller who may not see this buyer's prices: amounts are left out. */
  showAmounts: boolean;
}

/** Why a kept record carries this flag and what the product does about it, in French, for the facilitator. */
export function explainDecpFlag(flag: DecpFlag, options: ExplainDecpFlagOptions): string {
  if (QUOTES_AMOUNTS.has(flag.code) && !options.showAmounts) return amountHidden(flag);
  switch (flag.code) {
    case 'undated':
      return explainUndated(flag);
    case 'holder_id_invalid':
      return (
        `Titulaire non identifié : identifiant${flag.ids.length > 1 ? 's' : ''} SIRET ${flag.ids.map((id) => `« ${id} »`).join(', ')} ` +
        'invalide (clé de contrôle ou longueur). Le titulaire est gardé comme entreprise inconnue ; l’acheteur et le montant du marché sont conservés.'
      );
    case 'cpv_2003':
      return (
        `Code CPV « ${flag.published} » de l’ancienne nomenclature CPV 2003, converti en ${cpvName(flag.value)} ` +
        'par la table de correspondance officielle CPV 2003 → CPV 2008 (Office des publications de l’UE).'
      );
    case 'cpv_repaired':
      return explainRepairedCpv(flag);
    case 'cpv_unknown':
      return (
        `Code CPV ${flag.published === null ? 'absent' : `« ${flag.published} » hors nomenclature`}, sans correspondance : ` +
        'le marché n’entre dans aucune famille d’achat ni dans les estimations tant qu’un code CPV 2008 n’est pas saisi.'
      );
    case 'buyer_id_invalid':
      return (
        `SIRET de l’acheteur « ${flag.published} » invalide (${lowerFirst(flag.reason)}) : l’acheteur est gardé sous cet identifiant tel que publié` +
        (isPlaceholderSiret(flag.published)
          ? ' ; d’autres acheteurs publient le même identifiant de remplissage, et leurs marchés sont alors réunis sous un seul acheteur.'
          : '.')
      );
    case 'id_shared':
      return (
        `Identifiant « ${flag.published} » déjà publié par cet acheteur pour un autre marché (numéro de lot différent, ou objet ` +
        'différent avec un autre montant ou une autre date de notification) : gardé comme un marché distinct, sous un identifiant suivi de « ~ » et d’une empreinte de son objet, ' +
        'et hors des estimations jusqu’à ce que vous confirmiez qu’il ne s’agit pas d’une republication du même marché.'
      );
    case 'id_missing':
      return (
        'Identifiant du marché absent : une référence stable est calculée à partir de son contenu (objet, date, montant, durée, ' +
        'CPV, titulaires), de sorte qu’un nouvel import du même marché le reconnaisse.'
      );
    case 'objet_missing':
      return 'Objet du marché absent : seul le code CPV dit ce qui a été acheté.';
    case 'nature_missing':
      return 'Nature du marché absente : il est traité comme un marché simple (pas un accord-cadre).';
    case 'duration_missing':
      return (
        `Durée ${flag.published === null ? 'absente' : `illisible (« ${flag.published} »)`} : ${flag.value} mois affichés par défaut ; ` +
        'le marché reste hors des calendriers et des estimations jusqu’à ce que sa durée soit saisie.'
      );
    case 'amount_missing':
      return 'Montant non publié (absent ou 0 €) : le marché n’entre pas dans les estimations de besoins.';
    case 'amount_sentinel':
      return (
        `Montant publié ${flag.published} € : une valeur de remplissage (suite de 9, ou 10 milliards d’euros et plus), pas un montant réel. ` +
        `${flag.value === null ? 'Il n’est pas conservé' : 'Il est laissé hors des estimations'} jusqu’à confirmation ou correction.`
      );
    case 'amendment_amount_low': {
      const added = flag.initialCents + flag.amendmentCents.reduce((sum, cents) => sum + cents, 0);
      const count = flag.amendmentCents.length;
      return (
        `Montant ramené par ${count > 1 ? `${count} avenants` : 'avenant'} de ${formatEuros(flag.initialCents)} à ${formatEuros(flag.value)}, ` +
        'moins de la moitié : le schéma DECP fait du montant d’un avenant le nouveau total, mais beaucoup d’acheteurs y publient ' +
        `ce que l’avenant ajoute ; ce serait alors ${formatEuros(added)}. Laissé hors des estimations jusqu’à confirmation ou correction.`
      );
    }
    case 'amendment_ignored':
      return `Modification illisible ignorée (les autres valeurs sont appliquées) : ${flag.issues.map((i) => `${i.field} : ${i.reason}`).join(' ; ')}.`;
    case 'amount_anomalous':
      return explainAnomalousAmount(flag);
  }
}

function explainUndated(flag: Extract<DecpFlag, { code: 'undated' }>): string {
  const unreadable = flag.publishedDate === null ? '' : ` (date publiée illisible « ${flag.publishedDate} »)`;
  const source =
    flag.yearSource === 'id'
      ? 'd’après son identifiant (ses quatre premiers caractères sont l’année de notification, selon le format réglementaire)'
      : 'd’après son objet';
  const year = flag.year === null ? 'Année de notification inconnue.' : `Notifié en ${flag.year} ${source}.`;
  return (
    `Marché non daté : ni date de notification ni date de publication des données${unreadable}. ${year} ` +
    'Compté dans le recensement des besoins, exclu des calendriers jusqu’à ce qu’une date soit saisie.'
  );
}

function explainRepairedCpv(flag: Extract<DecpFlag, { code: 'cpv_repaired' }>): string {
  if (flag.how === 'objet')
    return `Code CPV absent ou hors nomenclature : ${cpvName(flag.value)}, cité dans l’objet du marché, est retenu.`;
  if (flag.how === 'padded')
    return `Code CPV « ${flag.published} » à 7 chiffres : lu ${cpvName(flag.value)} (un chiffre perdu à la publication).`;
  return `Code CPV « ${flag.published} » hors nomenclature : rattaché à son code parent ${cpvName(flag.value)}.`;
}

function explainAnomalousAmount(flag: Extract<DecpFlag, { code: 'amount_anomalous' }>): string {
  const per = flag.basis === 'monthly' ? ' par mois' : '';
  const ratio = flag.peerMedianCents > 0 ? flag.comparedCents / flag.peerMedianCents : null;
  const times = ratio === null ? '' : `, ${formatRatio(ratio)} fois la médiane`;
  const verdict =
    flag.level === 'aberrant'
      ? 'au-delà de 6 : aberrant). Laissé hors des estimations jusqu’à confirmation ou correction.'
      : 'entre 4 et 6 : suspect). Gardé dans les estimations, à vérifier.';
  return (
    `Montant anormal : ${formatEuros(flag.comparedCents)}${per}${times} de ${formatEuros(flag.peerMedianCents)}${per} ` +
    `de ${flag.peerCount} marchés comparables (${flag.peerGroup}) ; écart robuste ${flag.score.toFixed(1).replace('.', ',')} (${verdict}`
  );
}

function amountHidden(flag: DecpFlag): string {
  if (flag.code === 'amount_sentinel') return 'Montant publié : une valeur de remplissage, pas un montant réel (montant masqué).';
  if (flag.code === 'amendment_amount_low')
    return 'Montant ramené par avenant à moins de la moitié du montant publié : nouveau total ou ajout, à vérifier (montants masqués).';
  return 'Montant anormal au regard des marchés comparables (montant masqué).';
}

function cpvName(code: string): string {
  const label = getCpv(code)?.labelFr;
  return label === undefined ? code : `${code} (${label})`;
}

function formatRatio(ratio: number): string {
  return ratio >= 10
    ? Math.round(ratio)
        .toString()
        .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')
    : ratio.toFixed(1).replace('.', ',');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, '');
}
