import { foldText } from '../cpv/cpv-catalog';
import nafData from '../reference/naf-rev2.json' with { type: 'json' };

export interface NafEntry {
  code: string;
  label: string;
}

let subclasses: (NafEntry & { folded: string })[] | undefined;
let byCode: Map<string, string> | undefined;

function load(): (NafEntry & { folded: string })[] {
  if (!subclasses) {
    const rows = nafData.codes as [string, string][];
    byCode = new Map(rows);
    // Supplier profiles use sub-classes (e.g. 20.41Z), the finest level of NAF rév. 2.
    subclasses = rows
      .filter(([code]) => /^\d{2}\.\d{2}[A-Z]$/.test(code))
      .map(([code, label]) => ({ code, label, folded: foldText(`${code} ${label}`) }));
  }
  return subclasses;
}

/** True for a NAF rév. 2 code of any level (section letters excluded), e.g. 20.41Z or 49.41. */
export function isNafCode(code: string): boolean {
  load();
  return byCode?.has(code) ?? false;
}

/** Label of a NAF rév. 2 code. */
export function getNafLabel(code: string): string | undefined {
  load();
  return byCode?.get(code);
}

/** NAF rév. 2 sub-classes whose code or label contains every word of `query`. */
export function searchNaf(query: string, limit = 20): NafEntry[] {
  const words = foldText(query.trim()).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return load()
    .filter((n) => words.every((w) => n.folded.includes(w)))
    .slice(0, limit)
    .map(({ code, label }) => ({ code, label }));
}
