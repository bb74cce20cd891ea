import type { Cents, Groupement, IsoDate, Need, Organization, RunningContract } from '@mutualis/core';
import ExcelJS from 'exceljs';
import { CONFIDENCE_LABELS, MANDATE_SCOPE_LABELS, ORGANIZATION_KIND_LABELS } from './french-labels';
import { addTableSheet, centsToEuros, isoToDate, workbookToBuffer } from './xlsx-table';

/**
 * The file of one groupement: members, their needs, the contracts that bind them and the schedule.
 * Amounts, unit prices and totals the reader may not see are null (blank cells); `withheldNote` says why.
 */
export interface GroupementExportFile {
  groupement: Pick<Groupement, 'name' | 'mandateScope' | 'isPermanent' | 'coordinatorIds'>;
  familyName: string;
  members: readonly Organization[];
  needs: readonly (Omit<Need, 'unitPriceCents' | 'annualAmountCents'> & {
    unitPriceCents: Cents | null;
    annualAmountCents: Cents | null;
  })[];
  contracts: readonly (Omit<RunningContract, 'amountCents'> & { amountCents: Cents | null })[];
  /** Σ of the needs' annual amounts; null when withheld from the reader. */
  pooledAmountCents: Cents | null;
  /** Why some figures are blank for the reader; null when every figure is given. */
  withheldNote: string | null;
  schedule: readonly { date: IsoDate; label: string; organizationId?: string | null }[];
}

/** Exports a groupement file to a workbook: summary, members, needs per member, running contracts and schedule. */
export async function exportGroupementXlsx(file: GroupementExportFile): Promise<Buffer> {
  const names = new Map(file.members.map((m) => [m.id, m.name]));
  const nameOf = (id: string | null | undefined) => (id ? (names.get(id) ?? id) : '');
  /** A member's annual total; null when one of its amounts is withheld. */
  const totalOf = (id: string) =>
    file.needs
      .filter((n) => n.organizationId === id)
      .reduce<number | null>((s, n) => (s === null || n.annualAmountCents === null ? null : s + n.annualAmountCents), 0);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mutualis';
  addTableSheet(
    workbook,
    'Synthèse',
    [
      { header: 'Rubrique', width: 34 },
      { header: 'Valeur', width: 70 },
    ],
    [
      ['Groupement', file.groupement.name],
      ['Famille d’achat', file.familyName],
      ['Nature', file.groupement.isPermanent ? 'Groupement permanent' : 'Groupement ponctuel'],
      ['Coordonnateur(s)', file.groupement.coordinatorIds.map(nameOf).join(', ')],
      ['Mandat du coordonnateur', MANDATE_SCOPE_LABELS[file.groupement.mandateScope]],
      ['Nombre de membres', file.members.length],
      ['Montant annuel HT mutualisé (€)', centsToEuros(file.pooledAmountCents)],
      ...(file.withheldNote === null ? [] : [['Chiffres non communiqués', file.withheldNote]]),
    ],
  ).getCell('B8').numFmt = '#,##0.00 "€"';
  addTableSheet(
    workbook,
    'Membres',
    [
      { header: 'Membre', width: 36 },
      { header: 'SIRET', width: 18 },
      { header: 'Type', width: 26 },
      { header: 'Commune (code INSEE)', width: 14 },
      { header: 'Coordonnateur', width: 14 },
      { header: 'Montant annuel HT (€)', width: 18, format: 'euro' },
    ],
    file.members.map((m) => [
      m.name,
      m.siret,
      ORGANIZATION_KIND_LABELS[m.kind],
      m.inseeCode,
      file.groupement.coordinatorIds.includes(m.id) ? 'oui' : 'non',
      centsToEuros(totalOf(m.id)),
    ]),
  );
  addTableSheet(
    workbook,
    'Besoins par membre',
    [
      { header: 'Membre', width: 30 },
      { header: 'Code CPV', width: 12 },
      { header: 'Libellé', width: 36 },
      { header: 'Quantité annuelle', width: 14, format: 'decimal' },
      { header: 'Unité', width: 10 },
      { header: 'Prix unitaire HT (€)', width: 16, format: 'euro' },
      { header: 'Montant annuel HT (€)', width: 18, format: 'euro' },
      { header: 'Confiance', width: 12 },
    ],
    file.needs.map((n) => [
      nameOf(n.organizationId),
      n.cpvCode,
      n.label,
      n.quantity,
      n.unit,
      centsToEuros(n.unitPriceCents),
      centsToEuros(n.annualAmountCents),
      CONFIDENCE_LABELS[n.confidence],
    ]),
  );
  addTableSheet(
    workbook,
    'Contrats en cours',
    [
      { header: 'Membre', width: 30 },
      { header: 'Référence', width: 16 },
      { header: 'Objet', width: 36 },
      { header: 'Code CPV', width: 12 },
      { header: 'Titulaire', width: 28 },
      { header: 'Début', width: 12, format: 'date' },
      { header: 'Durée ferme (mois)', width: 12, format: 'integer' },
      { header: 'Reconductions', width: 14 },
      { header: 'Montant HT (€)', width: 18, format: 'euro' },
      { header: 'Nature', width: 14 },
    ],
    file.contracts.map((c) => [
      nameOf(c.organizationId),
      c.reference,
      c.label,
      c.cpvCode,
      c.holderName ?? c.holderSiret ?? '',
      isoToDate(c.startDate),
      c.durationMonths,
      `${c.renewalsUsed}/${c.renewalCount} × ${c.renewalMonths} mois`,
      centsToEuros(c.amountCents),
      c.nature === 'accord_cadre' ? 'accord-cadre' : 'marché',
    ]),
  );
  addTableSheet(
    workbook,
    'Calendrier',
    [
      { header: 'Date', width: 12, format: 'date' },
      { header: 'Étape', width: 60 },
      { header: 'Membre concerné', width: 30 },
    ],
    [...file.schedule].sort((a, b) => a.date.localeCompare(b.date)).map((s) => [isoToDate(s.date), s.label, nameOf(s.organizationId)]),
  );
  return workbookToBuffer(workbook);
}
