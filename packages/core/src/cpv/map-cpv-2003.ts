import correspondence from '../reference/cpv-2003-2008.json' with { type: 'json' };

let table: Map<string, string> | undefined;

/**
 * The CPV 2008 code of a CPV 2003 code (8 digits, no check digit) through the official SIMAP
 * correspondence table, or undefined when the code is not a CPV 2003 code of its own (a code
 * valid in both nomenclatures is read as CPV 2008 and is not in the table).
 */
export function mapCpv2003(code: string): string | undefined {
  if (table === undefined) table = new Map(correspondence.pairs as [string, string][]);
  return table.get(code);
}
