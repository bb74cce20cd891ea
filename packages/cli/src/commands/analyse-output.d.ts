import type { AnalysedOpportunity } from '@mutualis/core';
/** The one JSON document of `mutualis analyse --format json`; money in integer euro cents excluding VAT. */
export declare function toAnalyseJson(
  territory: string,
  at: string,
  opportunities: readonly AnalysedOpportunity[],
): {
  territory: string;
  at: string;
  money: string;
  opportunities: {
    id: string;
    rank: number;
    family: {
      key: string;
      label: string;
      cpvCodes: string[];
    };
    members: {
      siret: string;
      name: string;
      share: number;
    }[];
    annualAmount: number;
    estimatedValue: number;
    procedure: {
      kind: 'dispense' | 'mapa' | 'mapa_publicity' | 'formalised';
      label: string;
      article: string;
      thresholdVersion: string;
    };
    thresholdCrossed: boolean;
    startDate: string;
    waves: {
      kind: import('@mutualis/core').WaveKind;
      date: string;
      members: string[];
    }[];
    savings: import('@mutualis/core').SavingsRange;
    coordinator: {
      siret: string;
      name: string;
      isOverride: boolean;
    };
  }[];
};
/** An aligned terminal table with French headers; long labels are clipped. */
export declare function formatOpportunitiesTable(territoryName: string, at: string, opportunities: readonly AnalysedOpportunity[]): string;
/** CSV with `;` separators and decimal commas (French spreadsheets); amounts in euros HT. */
export declare function formatOpportunitiesCsv(opportunities: readonly AnalysedOpportunity[]): string;
