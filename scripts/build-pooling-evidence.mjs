#!/usr/bin/env node
// Derives packages/core/src/reference/pooling-evidence.json from the real DECP records of the
// workplace (../shared/data): per CPV class, how many contracts were published and how many of
// them say in their object that they were passed for a groupement de commandes. The method is
// written down in docs/pooling-evidence.md; run by hand when the sources change (the product
// only reads the generated file).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SHARED_DIR ?? join(root, '..', 'shared');
const out = join(root, 'packages', 'core', 'src', 'reference', 'pooling-evidence.json');

export const VERSION = '2026-12-06';

const SOURCES = [
  ['data/decp-2019-colinmaudry-decp-json/data.gouv.fr_aife.dev80.json', 'DECP 2019, flux AIFE (PLACE), data.gouv.fr, 2019-04-04'],
  ['data/decp-2019-colinmaudry-decp-json/data.gouv.fr_pes.dev80.json', 'DECP 2019, flux PES Marché (DGFiP), data.gouv.fr, 2019-04-05'],
  ['data/decp-2019-colinmaudry-decp-json/e-marchespublics.dev80.json', 'DECP 2019, profil e-marchespublics, 2019-04-03'],
  ['data/decp-2019-colinmaudry-decp-json/marches-publics.info.dev80.json', 'DECP 2019, profil marches-publics.info, 2019-03-07'],
  ['data/decp-more-real/moreymat_decp_21590163800019_2019-01-01_2021-12-31.json', 'DECP 2019, commune de Croix, 2019–2021'],
  ['data/decp-more-real/megalis_decp-59920013600241-2024-07-09-01.json', 'DECP 2024, Mégalis Bretagne, 2024-07-09'],
];

/** Lower case, accents stripped, apostrophes and punctuation as spaces (U+FFFD stays: broken accents). */
export function fold(text) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\ufffd]+/g, ' ')
    .trim();
}

/**
 * The object says the contract was passed for a groupement de commandes (CCP L2113-6): "groupement
 * de commande(s)", "groupement commandes", "groupement d'achat(s)", "groupement constitué entre…".
 * Not: a hospital group (GHT), a holders' consortium (groupement d'entreprises, solidaire,
 * conjoint), a fire service's territorial "Groupement Est", "… du groupement" alone (ambiguous).
 */
export function isGroupementObject(objet) {
  const text = fold(objet);
  return /\bgroupements? (de |d )?commandes?\b/.test(text) || /\bgroupements? d achats?\b/.test(text) || /\bgroupement constitu/.test(text);
}

/** 57 test records of the dev split: CPV 12345678 / 12345555, buyer "Essentiel", "Le marche du siecle". */
function isTestRecord(record) {
  const cpv = String(record.codeCPV ?? '');
  return (
    cpv.startsWith('12345') ||
    fold(String(record.objet ?? '')).includes('le marche du siecle') ||
    fold(String(record.acheteur?.nom ?? '')) === 'essentiel'
  );
}

function recordsOf(path) {
  const json = JSON.parse(readFileSync(join(shared, path), 'utf8'));
  const list = Array.isArray(json.marches) ? json.marches : (json.marches?.marche ?? []);
  return list;
}

/** CPV 2003 code (8 digits) → CPV 2008 code, from the official correspondence table. */
function cpv2003Map() {
  const lines = readFileSync(join(shared, 'data/cpv-2003-2008/cpv2003_to_cpv2008_rcpv.csv'), 'utf8').split(/\r?\n/).slice(1);
  const map = new Map();
  for (const line of lines) {
    const cells = line.split(',');
    if (cells.length >= 4 && /^\d{8}$/.test(cells[2]) && /^\d{8}$/.test(cells[3])) map.set(cells[2], cells[3]);
  }
  return map;
}

function cpv2008Codes() {
  const doc = JSON.parse(readFileSync(join(root, 'packages', 'core', 'src', 'reference', 'cpv-2008.json'), 'utf8'));
  return new Set(doc.codes.map((c) => c[0]));
}

/** 8-digit CPV 2008 code of a record, or null (CPV 2003 codes mapped through the correspondence table). */
function cpvOf(record, cpv2008, from2003) {
  const digits = String(record.codeCPV ?? '')
    .replace(/[^0-9]/g, '')
    .slice(0, 8);
  if (digits.length !== 8) return null;
  if (cpv2008.has(digits)) return digits;
  return from2003.get(digits) ?? null;
}

/** One procedure may be published as one record per lot: its lots share the buyer and the object without the lot words. */
function procedureKey(buyer, objet) {
  return `${buyer}|${fold(objet)
    .replace(/\blot (n )?[0-9a-z]+\b.*$/, '')
    .replace(/\b(lot|lots)\b.*$/, '')
    .trim()}`;
}

function build() {
  const cpv2008 = cpv2008Codes();
  const from2003 = cpv2003Map();
  const classes = new Map();
  const seen = new Set();
  const counts = { records: 0, testRecords: 0, concessions: 0, duplicates: 0, withoutCpv: 0, contracts: 0, groupementContracts: 0 };
  for (const [path] of SOURCES) {
    for (const record of recordsOf(path)) {
      counts.records += 1;
      if (isTestRecord(record)) {
        counts.testRecords += 1;
        continue;
      }
      if (
        String(record._type ?? '')
          .toLowerCase()
          .includes('concession') ||
        record.concessionnaires
      ) {
        counts.concessions += 1;
        continue;
      }
      const buyer = String(record.acheteur?.id ?? '').trim();
      const key = `${buyer}|${record.id}`;
      if (seen.has(key)) {
        counts.duplicates += 1;
        continue;
      }
      seen.add(key);
      const cpv = cpvOf(record, cpv2008, from2003);
      if (cpv === null) {
        counts.withoutCpv += 1;
        continue;
      }
      counts.contracts += 1;
      const code = `${cpv.slice(0, 4)}0000`;
      const entry = classes.get(code) ?? { contracts: 0, groupementContracts: 0, procedures: new Set(), buyers: new Set(), examples: [] };
      entry.contracts += 1;
      const objet = String(record.objet ?? '')
        .replace(/<br\s*\/?>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      if (isGroupementObject(objet)) {
        counts.groupementContracts += 1;
        entry.groupementContracts += 1;
        const procedure = procedureKey(buyer, objet);
        if (!entry.procedures.has(procedure) && entry.examples.length < 3)
          entry.examples.push(objet.length > 160 ? `${objet.slice(0, 157)}…` : objet);
        entry.procedures.add(procedure);
        entry.buyers.add(buyer.slice(0, 9));
      }
      classes.set(code, entry);
    }
  }
  const rows = [...classes.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, e]) => [code, e.contracts, e.groupementContracts, e.procedures.size, [...e.buyers].sort(), e.examples]);
  const doc = {
    version: VERSION,
    method: 'docs/pooling-evidence.md',
    sources: SOURCES.map(([path, label]) => ({ file: path.split('/').pop(), label })),
    counts,
    columns: ['classCode', 'contracts', 'groupementContracts', 'groupementProcedures', 'groupementBuyerSirens', 'examples'],
    classes: rows,
  };
  writeFileSync(out, `${JSON.stringify(doc)}\n`);
  const pooled = rows.filter((r) => r[2] > 0);
  console.log(JSON.stringify(counts));
  for (const r of pooled) console.log(r[0], `contracts ${r[1]}`, `groupement ${r[2]}`, `procedures ${r[3]}`, `buyers ${r[4].length}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) build();
