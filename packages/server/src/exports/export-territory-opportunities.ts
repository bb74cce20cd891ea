import { type AnalysedOpportunity, type DisclosureViewer, formatSavingsProvenanceFr, STAFF_VIEWER } from '@mutualis/core';
import type { TerritoryAnalysis } from '../analysis';
import { exportOpportunitiesXlsx, type OpportunityExportRow } from '../files';
import { totalsWithheldFor } from '../authz/visibility';

export interface ExportTerritoryOpportunitiesOptions {
  analysis: TerritoryAnalysis;
  /** Which opportunities the reader may see (a member buyer: those its organization is in). */
  isVisible?: (opportunity: AnalysedOpportunity) => boolean;
  /** The reader, for core's disclosure rule on pooled figures (default: the territory's staff). */
  viewer?: DisclosureViewer;
  /** False for another analysis than the reference one. */
  isReference?: boolean;
}

/** The ranked opportunities of an analysis as a workbook: no member's own figures, pooled ones as the disclosure rule allows. */
export function exportTerritoryOpportunities({
  analysis,
  isVisible = () => true,
  viewer = STAFF_VIEWER,
  isReference = true,
}: ExportTerritoryOpportunitiesOptions): Promise<Buffer> {
  const rows = analysis.result.opportunities.filter(isVisible).map((o) => toExportRow(o, viewer, isReference));
  return exportOpportunitiesXlsx(rows);
}

function toExportRow(o: AnalysedOpportunity, viewer: DisclosureViewer, isReference: boolean): OpportunityExportRow {
  const withheld = totalsWithheldFor(viewer, o, isReference);
  const pooled = withheld === null;
  return {
    familyName: o.family.label,
    cpvCodes: o.family.cpvCodes,
    memberNames: o.members.map((m) => m.name),
    annualAmountCents: pooled ? o.annualAmountCents : null,
    estimatedValueCents: pooled ? o.estimatedValueCents : null,
    procedure: o.procedure.labelFr,
    startDate: o.startDate,
    savingsCents: pooled ? { low: o.savings.low, central: o.savings.central, high: o.savings.high } : null,
    coordinatorName: o.coordinator.name,
    withheldNote: withheld?.message ?? null,
    savingsProvenance: formatSavingsProvenanceFr(o.savingsDetail.provenance),
  };
}
