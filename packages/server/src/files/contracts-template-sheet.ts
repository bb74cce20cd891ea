import { CONTRACT_COLUMNS, CONTRACT_NATURE_LABELS_FR, CONTRACT_NATURES, CONTRACTS_SHEET } from '@mutualis/core';
import type ExcelJS from 'exceljs';
import { addTableSheet, type ColumnFormat } from './xlsx-table';

/** Rows of the contracts sheet that get drop-down lists. */
const VALIDATED_ROWS = 500;

const WIDTHS: Record<(typeof CONTRACT_COLUMNS)[number]['key'], [number, ColumnFormat]> = {
  organizationSiret: [34, 'text'],
  reference: [18, 'text'],
  cpvCode: [14, 'text'],
  label: [36, 'text'],
  holderSiret: [18, 'text'],
  holderName: [26, 'text'],
  notificationDate: [16, 'text'],
  startDate: [16, 'text'],
  durationMonths: [12, 'integer'],
  renewalCount: [14, 'integer'],
  renewalMonths: [16, 'integer'],
  renewalsUsed: [16, 'integer'],
  noticeMonths: [16, 'integer'],
  amount: [18, 'euro'],
  nature: [14, 'text'],
};

/** Instruction lines for the contracts sheet, appended to the census instructions. */
export const CONTRACTS_INSTRUCTIONS = [
  '',
  `Contrats en cours — feuille « ${CONTRACTS_SHEET} »`,
  '1. Une ligne par marché ou accord-cadre en cours : ses dates décident quand votre organisation peut rejoindre un groupement.',
  '2. Dates au format jj/mm/aaaa. Durée initiale, reconductions et préavis en mois entiers.',
  '3. Reconductions prévues : combien le contrat en autorise ; déjà exercées : combien ont eu lieu.',
  '4. Préavis de non-reconduction : nombre de mois avant l’échéance pour la dénoncer.',
  '5. Montant total HT sur toute la durée (maximum pour un accord-cadre) ; nature : marché ou accord-cadre.',
  'Le contrat est reconnu par sa référence : réimporter la feuille met à jour les contrats déjà saisis.',
];

/** Adds the (empty) running-contracts sheet. */
export function addContractsSheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const table = CONTRACT_COLUMNS.map((c) => ({ header: c.header, width: WIDTHS[c.key][0], format: WIDTHS[c.key][1] }));
  return addTableSheet(workbook, CONTRACTS_SHEET, table, []);
}

/** Drop-down lists of the contracts sheet: organization (from the hidden list `organizationsRange`) and nature. */
export function addContractsDropDowns(sheet: ExcelJS.Worksheet, organizationsRange: string | null): void {
  const column = (key: string) => CONTRACT_COLUMNS.findIndex((c) => c.key === key) + 1;
  const natures = `"${CONTRACT_NATURES.map((n) => CONTRACT_NATURE_LABELS_FR[n]).join(',')}"`;
  for (let row = 2; row <= VALIDATED_ROWS + 1; row += 1) {
    if (organizationsRange !== null) {
      sheet.getCell(row, column('organizationSiret')).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [organizationsRange],
        showInputMessage: true,
        prompt: 'Choisissez votre organisation ou saisissez son SIRET.',
      };
    }
    sheet.getCell(row, column('nature')).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [natures],
      showErrorMessage: true,
      errorStyle: 'warning',
      error: 'marché ou accord-cadre',
    };
  }
}
