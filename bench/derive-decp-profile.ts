// Derives bench/decp-profile.json, the shape of real DECP data the generated bench files follow,
// from the real 2019-format records of the shared data (run once; the bench never reads them):
//   npx tsx bench/derive-decp-profile.ts /work/shared/data/decp-2019-colinmaudry-decp-json
// - portfolios: every real buyer's records as [codeCPV as published, montant, dureeMois, dated,
//   amendments, holders, name] (dates: 2 notified, 1 published only, 0 neither; name: which of the
//   buyer's distinct published names the record bears, 0 for the first met), so that CPV codes
//   (2003 codes and check digits included), amounts, amendments, holders per record, needs per
//   record (distinct buyer × CPV class) and names per buyer keep the real distribution when a
//   generated buyer copies a real buyer's portfolio;
// - holders: Heaps' law (distinct = K · records^β) fitted on the distinct holder SIRETs met as the
//   shuffled records are read, to size the holder pool of a generated file of any size.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Raw = Record<string, unknown>;
/** [codeCPV, montant, dureeMois, dates (2: notification, 1: publication only, 0: neither), amendments, holders, name (rank of the buyer's name, first met 0)] */
export type RecordShape = [string, number | null, number | null, number, number, number, number];

export interface DecpProfile {
  source: string;
  records: number;
  portfolios: RecordShape[][];
  holders: { k: number; beta: number };
}

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: derive-decp-profile.ts <dossier des DECP 2019 réelles>');
const records: Raw[] = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .flatMap((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { marches: Raw[] }).marches);

const byBuyer = new Map<string, RecordShape[]>();
const namesOf = new Map<string, string[]>();
for (const record of records) {
  const buyer = String((record.acheteur as Raw | undefined)?.id ?? '');
  const name = String((record.acheteur as Raw | undefined)?.nom ?? '').trim();
  const names = namesOf.get(buyer) ?? [];
  namesOf.set(buyer, names);
  if (!names.includes(name)) names.push(name);
  const shape: RecordShape = [
    String(record.codeCPV ?? ''),
    typeof record.montant === 'number' ? record.montant : null,
    typeof record.dureeMois === 'number' ? record.dureeMois : null,
    record.dateNotification ? 2 : record.datePublicationDonnees ? 1 : 0,
    Array.isArray(record.modifications) ? record.modifications.length : 0,
    Array.isArray(record.titulaires) ? record.titulaires.length : 0,
    names.indexOf(name),
  ];
  byBuyer.set(buyer, [...(byBuyer.get(buyer) ?? []), shape]);
}

/** Distinct holder ids after n records, records in a fixed shuffled order; least squares on the logs. */
function fitHolders(): { k: number; beta: number } {
  const shuffled = [...records].sort((a, b) => hash(JSON.stringify(a)) - hash(JSON.stringify(b)));
  const seen = new Set<string>();
  const points: [number, number][] = [];
  shuffled.forEach((record, i) => {
    for (const holder of (record.titulaires as Raw[] | undefined) ?? []) seen.add(String(holder?.id));
    if ((i + 1) % 500 === 0 || i + 1 === shuffled.length) points.push([Math.log(i + 1), Math.log(seen.size)]);
  });
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const beta = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return { k: Math.round(Math.exp(my - beta * mx) * 1000) / 1000, beta: Math.round(beta * 1000) / 1000 };
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const profile: DecpProfile = {
  source: 'ColinMaudry/decp-json, dev split (80 %) of four 2019 sources, 8,486 records (see bench/derive-decp-profile.ts)',
  records: records.length,
  portfolios: [...byBuyer.values()],
  holders: fitHolders(),
};
writeFileSync(join(import.meta.dirname, 'decp-profile.json'), `${JSON.stringify(profile)}\n`);
console.log(`${records.length} records, ${byBuyer.size} buyers, holders ${JSON.stringify(profile.holders)}`);
