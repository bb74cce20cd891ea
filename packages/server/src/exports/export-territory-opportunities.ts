import { type AnalysedOpportunity, formatSavingsProvenanceFr } from '@mutualis/core';
import type { TerritoryAnalysis } from '../analysis';
import { exportOpportunitiesXlsx, type OpportunityExportRow } from '../files';

export interface ExportTerritoryOpportunitiesOptions {
  analysis: TerritoryAnalysis;
  /** Which opportunities the reader may see (a member buyer: those its organization is in). */
  isVisible?: (opportunity: AnalysedOpportunity) => boolean;
}

/** The ranked opportunities of an analysis as a workbook (pooled aggregates only, no member prices). */
export function exportTerritoryOpportunities({ analysis, isVisible = () => true }: ExportTerritoryOpportunitiesOptions): Promise<Buffer> {
  const rows = analysis.result.opportunities.filter(isVisible).map(toExportRow);
  return exportOpportunitiesXlsx(rows);
}

function toExportRow(o: AnalysedOpportunity): OpportunityExportRow {
  return {
    familyName: o.family.label,
    cpvCodes: o.family.cpvCodes,
    memberNames: o.members.map((m) => m.name),
    annualAmountCents: o.annualAmountCents,
    estimatedValueCents: o.estimatedValueCents,
    procedure: o.procedure.labelFr,
    startDate: o.startDate,
    savingsCents: { low: o.savings.low, central: o.savings.central, high: o.savings.high },
    coordinatorName: o.coordinator.name,
    savingsProvenance: formatSavingsProvenanceFr(o.savingsDetail.provenance),
  };
}
