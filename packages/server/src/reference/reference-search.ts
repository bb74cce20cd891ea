import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { foldText } from '@mutualis/core';

// Core ships the reference tables but exports no commune-name or NAF search yet; until it does
// (see the report of issue 2), read its JSON once through the package's location on disk.
type CommuneRow = [string, string, string, string, string];
type NafRow = [string, string];

interface Tables {
  communes: { code: string; name: string; departementCode: string; folded: string }[];
  naf: { code: string; label: string; folded: string }[];
}

let tables: Tables | undefined;

function load(): Tables {
  if (tables) return tables;
  // The package entry point is core/src/index.ts; its reference tables sit next to it.
  const coreSrc = dirname(createRequire(import.meta.url).resolve('@mutualis/core'));
  const read = (file: string): unknown => JSON.parse(readFileSync(join(coreSrc, 'reference', file), 'utf8'));
  const geo = read('geo.json') as { communes: CommuneRow[] };
  const naf = read('naf-rev2.json') as { codes: NafRow[] };
  tables = {
    communes: geo.communes.map(([code, name, departementCode]) => ({ code, name, departementCode, folded: foldText(name) })),
    // Only sub-classes (10.71C): the level supplier profiles use.
    naf: naf.codes
      .filter(([code]) => /^\d{2}\.\d{2}[A-Z]$/.test(code))
      .map(([code, label]) => ({ code, label, folded: foldText(`${code} ${label}`) })),
  };
  return tables;
}

/** Communes whose INSEE code starts with `q`, or whose name contains every word of `q` (exact names first). */
export function searchCommunes(q: string, limit: number): { code: string; name: string; departementCode: string }[] {
  const query = foldText(q.trim());
  const { communes } = load();
  const matches = /^[0-9][0-9ab]/i.test(query)
    ? communes.filter((c) => c.code.toLowerCase().startsWith(query))
    : communes.filter((c) => query.split(/[\s-]+/).every((w) => c.folded.includes(w)));
  const ranked = [...matches].sort((a, b) => Number(b.folded === query) - Number(a.folded === query) || a.name.length - b.name.length);
  return ranked.slice(0, limit).map(({ code, name, departementCode }) => ({ code, name, departementCode }));
}

/** NAF rév. 2 sub-classes whose code or label contains every word of `q`. */
export function searchNaf(q: string, limit: number): { code: string; label: string }[] {
  const words = foldText(q.trim()).split(/\s+/);
  return load()
    .naf.filter((n) => words.every((w) => n.folded.includes(w)))
    .slice(0, limit)
    .map(({ code, label }) => ({ code, label }));
}
