import type { ConsultationSkeleton } from '@mutualis/core';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const FONT = 'Times New Roman';

/** Renders the consultation skeleton (RC and CCAP excerpts) as a Word document the buyer completes. */
export async function buildConsultationDocx(skeleton: ConsultationSkeleton): Promise<Buffer> {
  const children = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: skeleton.title, font: FONT, size: 32, bold: true })],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 360 },
      children: [
        new TextRun({ text: 'Trame générée par Mutualis — à relire et compléter par l’acheteur', font: FONT, size: 22, italics: true }),
      ],
    }),
    ...skeleton.parts.flatMap((part) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        spacing: { before: 360, after: 160 },
        children: [new TextRun({ text: part.title, font: FONT, size: 28, bold: true })],
      }),
      ...part.sections.flatMap((section, i) => [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          spacing: { before: 240, after: 120 },
          keepNext: true,
          children: [new TextRun({ text: `${i + 1}. ${section.heading}`, font: FONT, size: 24, bold: true })],
        }),
        ...section.paragraphs.map(
          (text) =>
            new Paragraph({
              spacing: { after: 120 },
              alignment: AlignmentType.JUSTIFIED,
              children: [new TextRun({ text, font: FONT, size: 22 })],
            }),
        ),
      ]),
    ]),
  ];
  const document = new Document({
    creator: 'Mutualis',
    title: skeleton.title,
    styles: { default: { document: { run: { font: FONT, size: 22 } } } },
    sections: [{ properties: { page: { margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } }, children }],
  });
  return Packer.toBuffer(document);
}
