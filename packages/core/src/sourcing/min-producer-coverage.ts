/**
 * Weighted competence coverage from which a firm counts as a potential producer (coverage figure
 * and lot eligibility): 3/4 of the recipe's weighted competences, so a firm missing a
 * certification it can acquire still counts, as the polish maker of the Charente story does.
 */
export const MIN_PRODUCER_COVERAGE = 0.75;
