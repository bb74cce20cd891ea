/** What R2122-1 (urgence impérieuse) allows for an urgent need, and what it does not. */
export interface UrgencyExplanation {
  article: string;
  /** Text of the article as checked (version in force). */
  articleText: string;
  source: string;
  /** Cumulative conditions, each to be shown true by the buyer. */
  conditions: string[];
  /** Cases where it does not apply, with this opportunity's figures where they matter. */
  doesNotApply: string[];
  /** What the buyer can do instead when the conditions are not all met. */
  alternatives: string[];
  text: string;
}

/** R2122-1 as checked on 6 December 2026 (mod. décret n° 2025-987 du 22 octobre 2025). */
export const R2122_1_TEXT_FR =
  'L’acheteur peut passer un marché sans publicité ni mise en concurrence préalables lorsqu’une urgence impérieuse résultant de circonstances extérieures et qu’il ne pouvait pas prévoir ne permet pas de respecter les délais minimaux exigés par les procédures formalisées. […] Le marché est limité aux prestations strictement nécessaires pour faire face à la situation d’urgence.';

export interface ExplainUrgencyOptions {
  /** Label of the need or family marked urgent. */
  label: string;
  /** The need is a recurring one of the census (foreseen by the buyers). */
  isRecurring: boolean;
  /** Annual pooled quantity, as a French text ("32 000 L"), when known. */
  annualQuantityText: string | null;
}

/**
 * When the facilitator marks a need urgent (a crisis), the conditions of urgence impérieuse (R2122-1),
 * which are cumulative and read strictly, and why the pooled recurring volume never qualifies as such.
 */
export function explainUrgency({ label, isRecurring, annualQuantityText }: ExplainUrgencyOptions): UrgencyExplanation {
  const conditions = [
    'une urgence impérieuse, née de circonstances extérieures à l’acheteur (crise sanitaire, catastrophe) ;',
    'des circonstances qu’il ne pouvait pas prévoir ;',
    'une urgence qui ne permet pas de respecter les délais minimaux des procédures formalisées, même réduits pour urgence simple ;',
    'un lien de causalité entre l’événement et l’urgence ; le marché limité aux prestations strictement nécessaires pour y faire face.',
  ];
  const doesNotApply = [
    'une urgence due à l’acheteur lui-même (besoin mal défini, procédure lancée trop tard, contrat arrivé à échéance) ;',
    `${isRecurring ? `le besoin récurrent recensé « ${label} »${annualQuantityText ? ` (${annualQuantityText} par an)` : ''} : il était prévu, il passe par la procédure du groupement ;` : 'un besoin prévisible ;'}`,
    'des quantités au-delà de ce qu’exige la crise jusqu’à la conclusion d’un marché passé normalement.',
  ];
  const alternatives = [
    'l’urgence simple, dûment justifiée, qui réduit les délais de la procédure formalisée (R2161-3 : 15 jours au moins en appel d’offres ouvert) ;',
    'un marché sans publicité limité aux quantités de la crise, puis le marché groupé pour le besoin récurrent ;',
    'la dispense sous le seuil de R2122-8 pour un petit montant.',
  ];
  const text =
    `Urgence impérieuse (R2122-1) pour « ${label} » : possible seulement si ${conditions.length} conditions cumulatives sont réunies et justifiées. ` +
    'Elle ne couvre pas le volume récurrent du groupement, seulement ce que la crise exige avant qu’un marché normal prenne le relais.';
  return {
    article: 'R2122-1',
    articleText: R2122_1_TEXT_FR,
    source:
      'Code de la commande publique, art. R2122-1 (mod. décret n° 2025-987 du 22 octobre 2025), code-commande-publique.com, lu le 6 décembre 2026',
    conditions,
    doesNotApply,
    alternatives,
    text,
  };
}
