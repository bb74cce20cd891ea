// Generates a large 2019-format DECP file shaped like the real data (bench/decp-profile.json, see
// derive-decp-profile.ts): each generated buyer copies the portfolio of a real buyer drawn at
// random — its records' CPV codes as published, amounts, durations, dates present or missing,
// amendments and holder counts — so CPV codes, amendments and proposed needs per record follow the
// real distribution. Holders are drawn from a pool sized by the Heaps' law fitted on the real
// records. A generated buyer publishes as many names as its real buyer did, on the same records;
// its first name is a real buyer's name, the others variants of it. Names, objects and places come
// from the 40 real records of packages/server/test/fixtures/decp/real-2019-sample.json.
// Deterministic for a given size.
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildSiret } from '@mutualis/core';
import type { DecpProfile, RecordShape } from './derive-decp-profile';

const TEMPLATES = join(import.meta.dirname, '../packages/server/test/fixtures/decp/real-2019-sample.json');
const PROFILE = join(import.meta.dirname, 'decp-profile.json');
const RECORDS_PER_WRITE = 1_000;

type Raw = Record<string, unknown>;

/** Writes `records` records to `path` unless a file of that name already exists; returns its size in bytes. */
export async function generateDecpFile(path: string, records: number): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  const templates = (JSON.parse(readFileSync(TEMPLATES, 'utf8')) as { marches: Raw[] }).marches;
  const profile = JSON.parse(readFileSync(PROFILE, 'utf8')) as DecpProfile;
  const random = lcg(20261206);
  const holderPool = holderPoolSize(profile, records);
  const out = createWriteStream(`${path}.part`);
  out.write('{\n "marches": [\n');
  let written = 0;
  let buyer = 0;
  let parts: string[] = [];
  while (written < records) {
    const portfolio = profile.portfolios[Math.floor(random() * profile.portfolios.length)] as RecordShape[];
    const siret = buildSiret(`2${String(buyer).padStart(7, '0')}`, '0001');
    const name = String(((templates[buyer % templates.length] as Raw).acheteur as Raw | undefined)?.nom ?? '');
    for (const shape of portfolio) {
      if (written === records) break;
      const template = templates[written % templates.length] as Raw;
      const buyerName = nameVariant(name, shape[6]);
      parts.push(JSON.stringify(toRecord({ template, shape, index: written, buyerSiret: siret, buyerName, random, holderPool }), null, 1));
      written += 1;
      if (parts.length === RECORDS_PER_WRITE) {
        if (!out.write((written > RECORDS_PER_WRITE ? ',\n' : '') + parts.join(',\n'))) await once(out, 'drain');
        parts = [];
      }
    }
    buyer += 1;
  }
  if (parts.length > 0) out.write((written > parts.length ? ',\n' : '') + parts.join(',\n'));
  out.end('\n ]\n}\n');
  await once(out, 'finish');
  renameSync(`${path}.part`, path);
  return statSync(path).size;
}

/**
 * Holder pool P such that drawing the file's holder slots uniformly from P meets as many distinct
 * holders as the Heaps' law predicts: P · (1 − e^(−slots/P)) = K · records^β.
 */
export function holderPoolSize(profile: DecpProfile, records: number): number {
  const slotsPerRecord = profile.portfolios.flat().reduce((sum, shape) => sum + Math.max(shape[5], 1), 0) / Math.max(profile.records, 1);
  const slots = records * slotsPerRecord;
  const distinct = Math.min(profile.holders.k * records ** profile.holders.beta, slots * 0.99);
  let low = distinct;
  let high = distinct * 1000;
  for (let i = 0; i < 100; i += 1) {
    const mid = (low + high) / 2;
    if (mid * (1 - Math.exp(-slots / mid)) < distinct) low = mid;
    else high = mid;
  }
  return Math.ceil(high);
}

interface RecordInput {
  template: Raw;
  shape: RecordShape;
  index: number;
  buyerSiret: string;
  buyerName: string;
  random: () => number;
  holderPool: number;
}

function toRecord({ template, shape, index, buyerSiret, buyerName, random, holderPool }: RecordInput): Raw {
  const [cpv, amount, duration, dates, amendments, holderCount] = shape;
  const { dateNotification, datePublicationDonnees, montant: _m, dureeMois: _d, modifications: _mods, ...rest } = template;
  const holders = Array.from({ length: holderCount }, () => holder(template, Math.floor(random() * holderPool)));
  return {
    ...rest,
    id: `G${index.toString(36).toUpperCase()}`,
    acheteur: { ...(template.acheteur as Raw), id: buyerSiret, nom: buyerName },
    codeCPV: cpv,
    ...(amount === null ? {} : { montant: amount }),
    ...(duration === null ? {} : { dureeMois: duration }),
    ...(dates === 2 ? { dateNotification } : {}),
    ...(dates >= 1 ? { datePublicationDonnees: datePublicationDonnees ?? dateNotification } : {}),
    titulaires: holders,
    ...(amendments === 0
      ? {}
      : {
          modifications: Array.from({ length: amendments }, (_, i) => ({
            objetModification: `Avenant ${i + 1}`,
            dureeMois: (duration ?? 12) + 6 * (i + 1),
            montant: Math.round((amount ?? 10_000) * (1.1 + 0.1 * i) * 100) / 100,
            datePublicationDonneesModification: '2019-03-01',
          })),
        }),
  };
}

/**
 * The buyer's name of rank `rank` (0: its first): the variants real buyers publish beside their
 * first name — capitals without accents nor apostrophes, a budget, a service.
 */
function nameVariant(name: string, rank: number): string {
  if (rank === 0) return name;
  if (rank === 1)
    return name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]/g, ' ')
      .toUpperCase();
  if (rank === 2) return 'BUDGET PRINCIPAL';
  return `Direction ${rank - 2} - ${name}`;
}

function holder(template: Raw, n: number): Raw {
  const first = ((template.titulaires as Raw[] | undefined) ?? [])[0] ?? {};
  return { ...first, typeIdentifiant: 'SIRET', id: buildSiret(`8${String(n).padStart(7, '0')}`, '0001') };
}

/** Deterministic pseudo-random numbers in [0, 1) (Numerical Recipes LCG). */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
