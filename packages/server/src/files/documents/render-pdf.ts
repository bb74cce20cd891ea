import type { ComposedFile, DocumentBlock, DocumentPart } from '@mutualis/core';
import { createPdfDocument, pdfToBuffer } from '../pdf-document';

const MARGIN = 56;
const BODY = { font: 'Times-Roman', bold: 'Times-Bold', italic: 'Times-Italic', size: 10.5 };
type Pdf = PDFKit.PDFDocument;

/** Renders a composed file as a PDF (A4, each part from a new page, tables, page numbers). */
export function renderPdf(file: ComposedFile): Promise<Buffer> {
  const doc = createPdfDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: { Title: file.title, Author: 'Mutualis', Creator: 'Mutualis' },
  });
  const done = pdfToBuffer(doc);
  file.parts.forEach((part, i) => {
    if (i > 0) doc.addPage();
    renderPart(doc, part);
  });
  addPageNumbers(doc, file.footer ?? file.title);
  doc.end();
  return done;
}

function renderPart(doc: Pdf, part: DocumentPart): void {
  doc
    .font(BODY.bold)
    .fontSize(16)
    .text(part.title.toUpperCase(), MARGIN, doc.y, { align: 'center', width: textWidth(doc) });
  doc.moveDown(0.3).font(BODY.italic).fontSize(13).text(part.subtitle, { align: 'center' });
  rule(doc);
  for (const block of part.intro) renderBlock(doc, block);
  for (const section of part.sections) {
    ensureSpace(doc, 60);
    doc
      .moveDown(0.6)
      .font(BODY.bold)
      .fontSize(11.5)
      .text(section.heading, MARGIN, doc.y, { width: textWidth(doc) });
    doc.moveDown(0.3);
    for (const block of section.blocks) renderBlock(doc, block);
  }
  if (part.closing.length === 0) return;
  doc.moveDown(1);
  // Keep "Fait à…" and the signature table on one page when they fit on one.
  ensureSpace(doc, Math.min(bottom(doc) - MARGIN, closingHeight(part.closing)));
  for (const block of part.closing) renderBlock(doc, block);
}

function closingHeight(blocks: readonly DocumentBlock[]): number {
  return blocks.reduce((h, b) => h + (b.kind === 'table' ? 30 + b.rows.length * (b.rowHeight ?? 20) : 30), 0);
}

function textWidth(doc: Pdf): number {
  return doc.page.width - 2 * MARGIN;
}

function bottom(doc: Pdf): number {
  return doc.page.height - MARGIN;
}

function ensureSpace(doc: Pdf, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function rule(doc: Pdf): void {
  doc.moveDown(0.5);
  doc
    .moveTo(MARGIN, doc.y)
    .lineTo(doc.page.width - MARGIN, doc.y)
    .lineWidth(0.7)
    .strokeColor('#1F4E79')
    .stroke();
  doc.moveDown(0.8);
}

function renderBlock(doc: Pdf, block: DocumentBlock): void {
  doc.fontSize(BODY.size).fillColor('black');
  if (block.kind === 'paragraph') {
    doc.font(block.bold ? BODY.bold : BODY.font).text(block.text, MARGIN, doc.y, { width: textWidth(doc), align: 'justify' });
    doc.moveDown(0.4);
    return;
  }
  if (block.kind === 'bullets') {
    doc.font(BODY.font);
    for (const item of block.items) {
      ensureSpace(doc, 14);
      const y = doc.y;
      doc.text('•', MARGIN + 6, y);
      doc.text(item, MARGIN + 18, y, { width: textWidth(doc) - 18 });
      doc.moveDown(0.2);
    }
    doc.moveDown(0.3);
    return;
  }
  renderTable(doc, block);
}

function renderTable(doc: Pdf, table: Extract<DocumentBlock, { kind: 'table' }>): void {
  const total = table.widths.reduce((s, w) => s + w, 0);
  const widths = table.widths.map((w) => (w / total) * textWidth(doc));
  const padding = 4;
  const drawRow = (cells: readonly string[], isHeader: boolean) => {
    doc.font(isHeader ? BODY.bold : BODY.font).fontSize(9.5);
    const heights = cells.map((text, i) => doc.heightOfString(text, { width: (widths[i] ?? 0) - 2 * padding }));
    const height = Math.max(isHeader ? 0 : (table.rowHeight ?? 0), ...heights.map((h) => h + 2 * padding));
    if (doc.y + height > bottom(doc)) {
      doc.addPage();
      if (!isHeader) drawRow(table.header, true);
    }
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((text, i) => {
      const width = widths[i] ?? 0;
      if (isHeader) doc.rect(x, y, width, height).fillAndStroke('#D9E2F3', '#808080');
      else doc.rect(x, y, width, height).lineWidth(0.5).strokeColor('#808080').stroke();
      doc
        .font(isHeader ? BODY.bold : BODY.font)
        .fillColor('black')
        .text(text, x + padding, y + padding, { width: width - 2 * padding });
      x += width;
    });
    doc.x = MARGIN;
    doc.y = y + height;
  };
  ensureSpace(doc, 40);
  drawRow(table.header, true);
  for (const row of table.rows) drawRow(row, false);
  doc.moveDown(0.6);
}

function addPageNumbers(doc: Pdf, footer: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise open a new page.
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(BODY.font)
      .fontSize(8)
      .fillColor('#555555')
      .text(`${footer} — page ${i + 1} / ${range.count}`, MARGIN, doc.page.height - MARGIN / 2, {
        width: textWidth(doc),
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = savedBottom;
  }
}
