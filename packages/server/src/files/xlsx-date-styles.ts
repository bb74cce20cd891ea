/** Built-in number formats of Excel that show dates (ECMA-376 §18.8.30): 14–22 and 45–47. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Whether a custom number format code shows a date: a d, m-with-y or y outside quoted text, escapes and [colour] parts. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
  return /[dy]/i.test(bare);
}

/**
 * The style indexes (`s` attribute of a cell) whose number format is a date, read from the text
 * of `xl/styles.xml`: custom formats (`<numFmt numFmtId code>`) and the `<xf numFmtId>` list of
 * `<cellXfs>`, in order.
 */
export function dateStyleIndexes(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const match of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^>]*>/g)) {
    const id = /numFmtId="(\d+)"/.exec(match[0])?.[1];
    const code = /formatCode="([^"]*)"/.exec(match[0])?.[1];
    if (id !== undefined && code !== undefined) custom.set(Number(id), decodeXml(code));
  }
  const cellXfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(stylesXml)?.[1] ?? '';
  const dates = new Set<number>();
  let index = 0;
  for (const match of cellXfs.matchAll(/<(?:\w+:)?xf\b[^>]*>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(match[0])?.[1] ?? 0);
    const code = custom.get(id);
    if (code === undefined ? BUILT_IN_DATE_FORMATS.has(id) : isDateFormatCode(code)) dates.add(index);
    index += 1;
  }
  return dates;
}

/** An Excel date serial (1900 system: day 25,569 is 1970-01-01; Lotus's phantom 1900-02-29 is day 60) as ISO YYYY-MM-DD. */
export function excelSerialToIsoDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const days = Math.floor(serial) - (serial < 61 ? 25_568 : 25_569);
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|amp|quot|apos);/g,
    (_all, name: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[name] ?? '',
  );
}
