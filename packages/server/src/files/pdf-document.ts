import PDFDocument from 'pdfkit';

/**
 * Characters outside ISO-8859-1 that the standard PDF fonts (WinAnsiEncoding) still draw:
 * pdfkit maps these to their WinAnsi byte. Any other character above U+00FF is written as the
 * two bytes of its code, so the narrow no-break space of French numbers (U+202F) printed
 * "62 /325 €" (0x20 then 0x2F).
 */
const WIN_ANSI_EXTRAS = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Stand-ins for characters French texts use that WinAnsi lacks. */
const STAND_INS: Readonly<Record<string, string>> = {
  '\u202f': '\u00a0', // narrow no-break space (French thousands and « 12 % »)
  '\u2009': '\u00a0', // thin space
  '\u2007': '\u00a0', // figure space
  '\u2008': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u200b': '',
  '\u2010': '-',
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '–',
  '\u2212': '-', // minus sign
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '<>',
  '\u2248': '~',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u2032': '\u2019',
  '\u2033': '"',
  '\u2116': 'N°',
  '\u2153': '1/3',
  '\u2154': '2/3',
};

function isDrawable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || code === 0x0a || WIN_ANSI_EXTRAS.has(char);
}

/** One character the standard fonts cannot draw, as the closest text they can: accents dropped, else « ? ». */
function standInFor(char: string): string {
  const mapped = STAND_INS[char];
  if (mapped !== undefined) return mapped;
  const decomposed = char.normalize('NFKD').replace(/\p{M}/gu, '');
  return decomposed !== char && [...decomposed].every(isDrawable) ? decomposed : '?';
}

/**
 * Text as the standard PDF fonts can draw it (WinAnsiEncoding): French narrow spaces become
 * no-break spaces, signs without a glyph their usual spelling (≥ → >=), anything else without
 * a glyph its unaccented form or « ? » — never two stray bytes.
 */
export function toPdfText(text: string): string {
  let out = '';
  for (const char of text) out += isDrawable(char) ? char : standInFor(char);
  return out;
}

type Pdf = PDFKit.PDFDocument;

/**
 * A pdfkit document whose every text passes through `toPdfText` (drawn, measured for width and
 * height), so no PDF writer of the product can print a character its font lacks. Every PDF the
 * product writes starts here.
 */
export function createPdfDocument(options: PDFKit.PDFDocumentOptions): Pdf {
  const doc = new PDFDocument(options);
  const text = doc.text.bind(doc) as (...args: unknown[]) => Pdf;
  const widthOfString = doc.widthOfString.bind(doc);
  const heightOfString = doc.heightOfString.bind(doc);
  const normalise = (value: unknown) => (typeof value === 'string' ? toPdfText(value) : value);
  doc.text = ((value: unknown, ...rest: unknown[]) => text(normalise(value), ...rest)) as Pdf['text'];
  doc.widthOfString = (value, options) => widthOfString(toPdfText(value), options);
  doc.heightOfString = (value, options) => heightOfString(toPdfText(value), options);
  return doc;
}

/** The bytes of a document once `doc.end()` has been called. */
export function pdfToBuffer(doc: Pdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
