import type { ComposedFile, DocumentBlock, DocumentPart } from '@mutualis/core';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';

/** Usable width of an A4 page with 2 cm margins, in twentieths of a point. */
const TEXT_WIDTH_TWIPS = 9638;
const FONT = 'Times New Roman';

/** Renders a composed file as a Word document (A4, each part from a new page, tables, page numbers). */
export async function renderDocx(file: ComposedFile): Promise<Buffer> {
  const children = file.parts.flatMap((part, i) => renderPart(part, i > 0));
  const document = new Document({
    creator: 'Mutualis',
    title: file.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: [`${file.footer ?? file.title} — page `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function renderPart(part: DocumentPart, isPageBreakBefore: boolean): (Paragraph | Table)[] {
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      pageBreakBefore: isPageBreakBefore,
      children: [new TextRun({ text: part.title, font: FONT, size: 32, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [new TextRun({ text: part.subtitle, font: FONT, size: 26, italics: true })],
    }),
    ...part.intro.flatMap(renderBlock),
    ...part.sections.flatMap((section) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        spacing: { before: 280, after: 120 },
        keepNext: true,
        children: [new TextRun({ text: section.heading, font: FONT, size: 24, bold: true })],
      }),
      ...section.blocks.flatMap(renderBlock),
    ]),
    ...(part.closing.length > 0 ? [new Paragraph({ spacing: { before: 360 }, children: [] }), ...part.closing.flatMap(renderBlock)] : []),
  ];
}

function renderBlock(block: DocumentBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120 },
          children: [new TextRun({ text: block.text, bold: block.bold ?? false, font: FONT })],
        }),
      ];
    case 'bullets':
      return block.items.map(
        (item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 60 }, children: [new TextRun({ text: item, font: FONT })] }),
      );
    case 'table':
      return [renderTable(block), new Paragraph({ spacing: { after: 120 }, children: [] })];
  }
}

function renderTable(block: Extract<DocumentBlock, { kind: 'table' }>): Table {
  const total = block.widths.reduce((s, w) => s + w, 0);
  const columnWidths = block.widths.map((w) => Math.round((w / total) * TEXT_WIDTH_TWIPS));
  const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
  const cell = (text: string, index: number, isHeader: boolean) =>
    new TableCell({
      width: { size: columnWidths[index] ?? 0, type: WidthType.DXA },
      shading: isHeader ? { fill: 'D9E2F3' } : undefined,
      borders: { top: border, bottom: border, left: border, right: border },
      children: [new Paragraph({ children: [new TextRun({ text, bold: isHeader, font: FONT, size: 20 })] })],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths,
    rows: [
      new TableRow({ tableHeader: true, children: block.header.map((text, i) => cell(text, i, true)) }),
      ...block.rows.map(
        (row) =>
          new TableRow({
            height: block.rowHeight ? { value: block.rowHeight * 20, rule: 'atLeast' } : undefined,
            cantSplit: true,
            children: row.map((text, i) => cell(text, i, false)),
          }),
      ),
    ],
  });
}
