import type { DashboardDto } from '@mutualis/contract';
import ExcelJS from 'exceljs';
import { addTableSheet, centsToEuros, isoToDate, workbookToBuffer } from '../files/xlsx-table';

/** What the reader's totals leave out, and why (core's disclosure rule). */
export function withheldNote(dashboard: DashboardDto): string {
  return `Totaux hors ${dashboard.withheldGroupements} groupement(s) dont les chiffres ne vous sont pas communiqués : ${dashboard.withheld?.message ?? ''}`;
}

/** When a total is unknown (empty cell, never 0): the part that can be computed and why the rest cannot. */
function unknownRows(what: string, knownCents: number, reason: string | null): [string, number | null][] {
  if (reason === null) return [];
  return [
    [`— économies ${what} inconnues ; part calculable`, centsToEuros(knownCents)],
    [`— pourquoi : ${reason}`, null],
  ];
}

/** The territory dashboard as a workbook: key figures, groupements, statuses and the 12-month calendar. */
export async function exportDashboardXlsx(dashboard: DashboardDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  const { savings } = dashboard;
  addTableSheet(
    workbook,
    'Synthèse',
    [
      { header: 'Indicateur', width: 48 },
      { header: 'Valeur', width: 20, format: 'euro' },
    ],
    [
      ['Dépense mutualisée (annuelle, au lancement)', centsToEuros(dashboard.pooledSpendCents)],
      ['Économies estimées — basse', centsToEuros(savings.estimated.low)],
      ['Économies estimées — centrale', centsToEuros(savings.estimated.central)],
      ['Économies estimées — haute', centsToEuros(savings.estimated.high)],
      ['Économies engagées (prix attribués × volumes prévus)', centsToEuros(savings.committedCents)],
      ...unknownRows('engagées', savings.committedKnownCents, savings.committedUnknown),
      ['Économies réalisées (consommations saisies)', centsToEuros(savings.realisedCents)],
      ...unknownRows('réalisées', savings.realisedKnownCents, savings.realisedUnknown),
      ['Dépense attribuée (annuelle)', centsToEuros(dashboard.awardedSpendCents)],
      ['— dont entreprises du territoire', centsToEuros(dashboard.localSpendCents)],
      ['— dont PME', centsToEuros(dashboard.smeSpendCents)],
      ...(dashboard.withheld === null ? [] : [[withheldNote(dashboard), null]]),
    ],
  );
  addTableSheet(
    workbook,
    'Groupements',
    [
      { header: 'Groupement', width: 50 },
      { header: 'Étape', width: 22 },
      { header: 'Économies estimées (€/an)', width: 20, format: 'euro' },
      { header: 'Économies engagées (€/an)', width: 20, format: 'euro' },
      { header: 'Économies réalisées (€)', width: 20, format: 'euro' },
      { header: 'Économies inconnues : pourquoi', width: 60 },
    ],
    dashboard.groupements.map((g) => [
      g.name,
      g.statusLabel,
      centsToEuros(g.estimatedCents),
      centsToEuros(g.committedCents),
      centsToEuros(g.realisedCents),
      [g.committedUnknown, g.realisedUnknown].filter((r) => r !== null).join(' '),
    ]),
  );
  addTableSheet(
    workbook,
    'Calendrier 12 mois',
    [
      { header: 'Date', width: 14, format: 'date' },
      { header: 'Échéance', width: 60 },
      { header: 'Groupement', width: 50 },
    ],
    dashboard.calendar.map((e) => [isoToDate(e.on), e.label, e.groupementName]),
  );
  return workbookToBuffer(workbook);
}
