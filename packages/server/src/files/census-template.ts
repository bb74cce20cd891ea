import {
  CENSUS_COLUMNS,
  CHOICE_SEPARATOR,
  CONFIDENCE_LABELS_FR,
  cpvCatalog,
  NEED_CONFIDENCES,
  type Organization,
  type PurchaseFamily,
  UNITS,
  type UnitCode,
} from '@mutualis/core';
import ExcelJS from 'exceljs';
import { addContractsDropDowns, addContractsSheet, CONTRACTS_INSTRUCTIONS } from './contracts-template-sheet';
import { addTableSheet, type ColumnFormat, styleHeaderRow, workbookToBuffer } from './xlsx-table';

/** Name of the sheet users fill and the parser reads. */
export const CENSUS_SHEET = 'Recensement';
/** Rows of the census sheet that get drop-down lists. */
const VALIDATED_ROWS = 1000;

export interface BuildCensusTemplateOptions {
  organizations?: readonly Pick<Organization, 'siret' | 'name'>[];
  families: readonly Pick<PurchaseFamily, 'name' | 'cpvCodes'>[];
  units: readonly UnitCode[];
}

const WIDTHS: Record<(typeof CENSUS_COLUMNS)[number]['key'], [number, ColumnFormat]> = {
  organizationSiret: [34, 'text'],
  cpvCode: [34, 'text'],
  label: [36, 'text'],
  quantity: [14, 'decimal'],
  unit: [24, 'text'],
  unitsPerPack: [16, 'integer'],
  unitPrice: [16, 'euro'],
  annualAmount: [18, 'euro'],
  deliveryCommunes: [36, 'text'],
  csrRequirements: [32, 'text'],
  qualityRequirements: [32, 'text'],
  confidence: [14, 'text'],
};

const CENSUS_TABLE = CENSUS_COLUMNS.map((c) => ({ header: c.header, width: WIDTHS[c.key][0], format: WIDTHS[c.key][1] }));

/** Builds the census workbook: instructions, the sheet to fill with drop-down lists, an example and the CPV lookup. */
export async function buildCensusTemplate(options: BuildCensusTemplateOptions): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  addInstructions(workbook);
  const census = addTableSheet(workbook, CENSUS_SHEET, CENSUS_TABLE, []);
  const contracts = addContractsSheet(workbook);
  addTableSheet(workbook, 'Exemple', CENSUS_TABLE, exampleRows());
  addCpvLookup(workbook);
  const lists = addLists(workbook, options);
  addDropDowns(census, lists);
  addContractsDropDowns(contracts, lists.organizations);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 1, visibility: 'visible' }];
  return workbookToBuffer(workbook);
}

interface ListRanges {
  organizations: string | null;
  families: string | null;
  units: string;
  confidences: string;
}

/** The drop-down values live on a hidden sheet: Excel limits inline lists to 255 characters. */
function addLists(workbook: ExcelJS.Workbook, options: BuildCensusTemplateOptions): ListRanges {
  const sheet = workbook.addWorksheet('Listes', { state: 'hidden' });
  const columns: string[][] = [
    (options.organizations ?? []).map((o) => `${o.siret}${CHOICE_SEPARATOR}${o.name}`),
    options.families.flatMap((f) =>
      f.cpvCodes.map((code) => `${code}${CHOICE_SEPARATOR}${cpvCatalog().get(code)?.labelFr ?? ''} (${f.name})`),
    ),
    // French names only: the import also reads plurals and abbreviations (« tonnes », « boîtes de 100 »).
    options.units.map((u) => UNITS[u].labelFr),
    NEED_CONFIDENCES.map((c) => CONFIDENCE_LABELS_FR[c]),
  ];
  const headers = ['Organisations', 'Familles (codes CPV)', 'Unités', 'Confiance'];
  const ranges = columns.map((values, i) => {
    const letter = String.fromCharCode(65 + i);
    sheet.getCell(`${letter}1`).value = headers[i] ?? '';
    values.forEach((v, row) => {
      sheet.getCell(`${letter}${row + 2}`).value = v;
    });
    return values.length === 0 ? null : `Listes!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  return { organizations: ranges[0] ?? null, families: ranges[1] ?? null, units: ranges[2] ?? '', confidences: ranges[3] ?? '' };
}

function addDropDowns(sheet: ExcelJS.Worksheet, lists: ListRanges): void {
  const column = (key: string) => CENSUS_COLUMNS.findIndex((c) => c.key === key) + 1;
  // Organizations and CPV codes are suggestions: any valid SIRET or CPV code typed by hand is accepted.
  const rules: [number, string | null, boolean, string][] = [
    [column('organizationSiret'), lists.organizations, false, 'Choisissez votre organisation ou saisissez son SIRET.'],
    [column('cpvCode'), lists.families, false, 'Choisissez un code des familles ou cherchez-en un dans « Recherche CPV ».'],
    [column('unit'), lists.units, false, 'Choisissez une unité ou saisissez-la : tonnes, litres, paires, boîtes de 100…'],
    [column('confidence'), lists.confidences, true, 'ferme, estimé ou indicatif.'],
  ];
  for (const [col, range, strict, prompt] of rules) {
    if (range === null) continue;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row += 1) {
      sheet.getCell(row, col).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showInputMessage: true,
        prompt,
        showErrorMessage: strict,
        errorStyle: 'warning',
        errorTitle: 'Valeur hors liste',
        error: 'Cette valeur ne figure pas dans la liste proposée.',
      };
    }
  }
}

function addCpvLookup(workbook: ExcelJS.Workbook): void {
  const rows = [...cpvCatalog().values()].map((e) => [e.code, `${e.code}-${e.checkDigit}`, e.labelFr, e.parent ?? '']);
  addTableSheet(
    workbook,
    'Recherche CPV',
    [
      { header: 'Code CPV', width: 12 },
      { header: 'Code avec clé', width: 14 },
      { header: 'Libellé (français)', width: 90 },
      { header: 'Code parent', width: 12 },
    ],
    rows,
  );
}

function exampleRows(): string[][] {
  return [
    [
      '21670482500019 – Ville de Strasbourg',
      '34927100',
      'Sel de déneigement en vrac',
      '120',
      'tonnes',
      '',
      '95,50',
      '',
      '67482',
      'Sel d’origine France',
      'Granulométrie 0-5 mm',
      'ferme',
    ],
    [
      '21670482500019 – Ville de Strasbourg',
      '30197630',
      'Papier A4 recyclé 80 g',
      '400',
      'ramettes',
      '',
      '3,20',
      '1 280,00',
      '67482, 67218',
      'Écolabel européen',
      '',
      'estimé',
    ],
    [
      '21670482500019 – Ville de Strasbourg',
      '33141420',
      'Gants nitrile taille M',
      '300',
      'boîtes de 100',
      '100',
      '6,90',
      '',
      '67482',
      '',
      'Norme EN 455',
      'indicatif',
    ],
  ];
}

const INSTRUCTIONS = [
  'Recensement des besoins — mode d’emploi',
  '',
  '1. Remplissez la feuille « Recensement », une ligne par besoin annuel (un produit ou un service).',
  '2. Organisation (SIRET) : choisissez votre organisation dans la liste ou saisissez son SIRET (14 chiffres).',
  '3. Code CPV : choisissez un code proposé ou cherchez-en un dans la feuille « Recherche CPV » (filtre sur le libellé).',
  '4. Indiquez la quantité annuelle, l’unité et le prix unitaire HT : le montant annuel est alors calculé.',
  '   Si vous saisissez aussi le montant annuel, il doit être égal à quantité × prix unitaire à 1 € près.',
  '   Sans quantité, indiquez seulement le montant annuel HT.',
  '   Unités en toutes lettres ou abrégées : tonnes, kg, litres, ramettes, paires, forfait, « boîtes de 100 »…',
  '5. Pour les boîtes et lots, précisez le nombre d’unités par conditionnement (ou écrivez « boîtes de 100 »).',
  '6. Montants en euros hors taxes, 2 décimales au plus ; la virgule décimale est acceptée (1 234,56).',
  '7. Communes de livraison : noms ou codes INSEE (et non codes postaux) séparés par des virgules, ex. Strasbourg, 67218.',
  '   Un nom porté par plusieurs communes prend son département entre parenthèses : Saint-Louis (68).',
  '   Quantités et prix dans des cellules au format Nombre : « 1/2 » saisi dans une cellule Standard devient une date, refusée.',
  '8. Exigences RSE : séparez plusieurs exigences par un point-virgule.',
  '9. Confiance : ferme (engagé), estimé, ou indicatif. Vide = estimé.',
  '',
  'La feuille « Exemple » montre trois lignes remplies. N’ajoutez pas de colonnes entre celles du modèle.',
  'À l’import, chaque erreur est signalée avec sa feuille, sa ligne, sa colonne et sa raison ; rien n’est',
  'enregistré tant que le fichier contient des erreurs, sauf si vous choisissez d’importer les seules lignes valides.',
];

function addInstructions(workbook: ExcelJS.Workbook): void {
  const sheet = workbook.addWorksheet('Instructions');
  sheet.getColumn(1).width = 120;
  [...INSTRUCTIONS, ...CONTRACTS_INSTRUCTIONS].forEach((line, i) => {
    sheet.getCell(i + 1, 1).value = line;
  });
  styleHeaderRow(sheet.getRow(1));
}
