// Generates a large 2019-format DECP file from real records (packages/server/test/fixtures/decp/
// real-2019-sample.json): ids, buyer and holder SIRETs, CPV codes and amounts vary
// deterministically; everything else (names, places, dates, text with broken accents) is real.
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiret, cpvCatalog } from '@mutualis/core';

const TEMPLATES = join(import.meta.dirname, '../packages/server/test/fixtures/decp/real-2019-sample.json');
const BUYER_POOL = 20_000;
const HOLDER_POOL = 100_000;
const RECORDS_PER_WRITE = 1_000;

/** Writes `records` records to `path` unless a file of that name already exists; returns its size in bytes. */
export async function generateDecpFile(path: string, records: number): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const templates = (JSON.parse(readFileSync(TEMPLATES, 'utf8')) as { marches: Record<string, unknown>[] }).marches;
  const cpvCodes = [...cpvCatalog().keys()];
  const random = lcg(20261128);
  const out = createWriteStream(`${path}.part`);
  out.write('{\n "marches": [\n');
  for (let start = 0; start < records; start += RECORDS_PER_WRITE) {
    const parts: string[] = [];
    for (let i = start; i < Math.min(records, start + RECORDS_PER_WRITE); i += 1) {
      const template = templates[i % templates.length] as Record<string, unknown>;
      parts.push(JSON.stringify(vary(template, i, random, cpvCodes), null, 1));
    }
    const text = (start === 0 ? '' : ',\n') + parts.join(',\n');
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end('\n ]\n}\n');
  await once(out, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(`${path}.part`, path);
  return statSync(path).size;
}

function vary(template: Record<string, unknown>, i: number, random: () => number, cpvCodes: string[]): Record<string, unknown> {
  const buyer = template.acheteur as Record<string, unknown>;
  const holders = template.titulaires as Record<string, unknown>[];
  const amount = typeof template.montant === 'number' ? template.montant : 10_000;
  return {
    ...template,
    id: `G${i.toString(36).toUpperCase()}`,
    acheteur: { ...buyer, id: pooledSiret('21', Math.floor(random() * BUYER_POOL)) },
    codeCPV: cpvCodes[Math.floor(random() * cpvCodes.length)],
    montant: Math.round(amount * (0.5 + random()) * 100) / 100,
    titulaires: holders.map((h) => ({ ...h, id: pooledSiret('8', Math.floor(random() * HOLDER_POOL)) })),
  };
}

const sirets = new Map<string, string>();
function pooledSiret(prefix: string, n: number): string {
  const key = `${prefix}${n}`;
  let siret = sirets.get(key);
  if (siret === undefined) {
    siret = buildSiret(`${prefix}${String(n).padStart(8 - prefix.length, '0')}`, '0001');
    sirets.set(key, siret);
  }
  return siret;
}

/** Deterministic pseudo-random numbers in [0, 1) (Numerical Recipes LCG). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
