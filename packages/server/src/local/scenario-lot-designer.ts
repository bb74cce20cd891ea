import type { ScenarioLotDemand, ScenarioLots } from '@mutualis/core';
import { designOpportunityLots } from '@mutualis/core';
import type { LocalContext } from './load-local-context';

/** Local firms a lot needs to count as accessible in a scenario: the lot designer's default. */
const SCENARIO_MIN_ELIGIBLE_FIRMS = 2;

/** The lot designer as a scenario calls it: the recommended structure of an opportunity with the territory's firms. */
export function scenarioLotDesigner(context: LocalContext): (demand: ScenarioLotDemand) => ScenarioLots {
  return (demand) => {
    const design = designOpportunityLots({
      context,
      demand,
      k: SCENARIO_MIN_ELIGIBLE_FIRMS,
      maxLotsPerBidder: null,
      consultations: [],
      declarations: [],
    });
    if (!design.ok) return { ok: false, reason: design.reason };
    const recommended = design.frontier.find((s) => s.id === design.recommendedId);
    if (!recommended) return { ok: false, reason: 'Aucune structure de lots recommandée.' };
    return {
      ok: true,
      lotCount: recommended.lots.length,
      labels: recommended.lots.map((l) => l.label),
      accessibleShare: recommended.accessibleShare,
    };
  };
}
