import type { DashboardDto } from '@mutualis/contract';
import { createPdfDocument, pdfToBuffer } from '../files/pdf-document';
import { withheldNote } from './export-dashboard-xlsx';

type Pdf = PDFKit.PDFDocument;
const MARGIN = 50;
const euros = (cents: number) => `${new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 }).format(Math.round(cents / 100))} €`;
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);
const frDate = (iso: string) => iso.split('-').reverse().join('/');

/** Horizontal bars drawn with pdfkit primitives: one labelled bar per value, scaled to the largest. */
function bars(doc: Pdf, title: string, items: { label: string; value: number; text: string; color: string }[]) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#1f4e79').text(title, MARGIN);
  const width = doc.page.width - 2 * MARGIN - 190;
  const max = Math.max(1, ...items.map((i) => i.value));
  let y = doc.y + 6;
  for (const item of items) {
    doc
      .font('Helvetica')
      .fontSize(9.5)
      .fillColor('#222')
      .text(item.label, MARGIN, y + 3, { width: 120 });
    doc.rect(MARGIN + 125, y, Math.max(1, (width * Math.max(0, item.value)) / max), 16).fill(item.color);
    doc.fillColor('#222').text(item.text, MARGIN + 130 + (width * Math.max(0, item.value)) / max, y + 3, { width: 70 });
    y += 24;
  }
  doc.y = y;
}

/** A table whose cells wrap: each row is as tall as its longest cell; a row never splits across pages. */
function table(doc: Pdf, title: string, header: string[], rows: string[][], widths: number[]) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(12).fillColor('#1f4e79').text(title, MARGIN);
  let y = doc.y + 4;
  const draw = (cells: string[], bold: boolean) => {
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(9)
      .fillColor('#222');
    const height = Math.max(12, ...cells.map((cell, i) => doc.heightOfString(cell, { width: (widths[i] ?? 80) - 4 }))) + 6;
    if (y + height > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 2, y + 3, { width: (widths[i] ?? 80) - 4 });
      x += widths[i] ?? 80;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(x, y + height)
      .strokeColor('#cccccc')
      .stroke();
    y += height + 2;
  };
  draw(header, true);
  for (const row of rows) draw(row, false);
  doc.y = y;
}

/** A savings figure, or « inconnue » with the part that can be computed: never 0 for an unknown. */
function knownOrUnknown(cents: number | null, knownCents: number): string {
  return cents === null ? `inconnue (calculable : ${euros(knownCents)})` : euros(cents);
}

/** The territory dashboard as a one- or two-page PDF: key figures as bars, statuses, calendar. */
export function exportDashboardPdf(dashboard: DashboardDto): Promise<Buffer> {
  const doc = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Tableau de bord — ${dashboard.territory.name}`, Author: 'Mutualis' },
  });
  const done = pdfToBuffer(doc);
  doc.font('Helvetica-Bold').fontSize(17).fillColor('#1f4e79').text(`Tableau de bord des achats mutualisés — ${dashboard.territory.name}`);
  doc
    .font('Helvetica')
    .fontSize(10)
    .fillColor('#555')
    .text(`Situation au ${frDate(dashboard.now)} · dépense mutualisée ${euros(dashboard.pooledSpendCents)} par an`);
  if (dashboard.withheld !== null) doc.moveDown(0.3).fontSize(9).fillColor('#8a5a00').text(withheldNote(dashboard));
  const { savings } = dashboard;
  bars(doc, 'Économies : de l’estimation à la réalité', [
    { label: 'Estimées (centrale, €/an)', value: savings.estimated.central, text: euros(savings.estimated.central), color: '#9ec5e8' },
    {
      label: 'Engagées (€/an)',
      value: savings.committedKnownCents,
      text: knownOrUnknown(savings.committedCents, savings.committedKnownCents),
      color: '#4a90c9',
    },
    {
      label: 'Réalisées (à date)',
      value: savings.realisedKnownCents,
      text: knownOrUnknown(savings.realisedCents, savings.realisedKnownCents),
      color: '#2e8b57',
    },
  ]);
  for (const reason of [savings.committedUnknown, savings.realisedUnknown]) {
    if (reason !== null) doc.font('Helvetica').fontSize(8).fillColor('#555').text(reason);
  }
  bars(doc, `Dépense attribuée : ${euros(dashboard.awardedSpendCents)} par an`, [
    { label: 'Entreprises du territoire', value: dashboard.localSpendCents, text: percent(dashboard.localShare), color: '#e0a030' },
    { label: 'PME', value: dashboard.smeSpendCents, text: percent(dashboard.smeShare), color: '#b0689a' },
  ]);
  bars(
    doc,
    'Groupements par étape',
    dashboard.byStatus.filter((s) => s.count > 0).map((s) => ({ label: s.label, value: s.count, text: String(s.count), color: '#7a8fa6' })),
  );
  table(
    doc,
    'Échéances des 12 prochains mois',
    ['Date', 'Échéance', 'Groupement'],
    dashboard.calendar.map((e) => [frDate(e.on), e.label, e.groupementName]),
    [70, 290, 135],
  );
  doc.end();
  return done;
}
