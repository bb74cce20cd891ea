#!/usr/bin/env node
// Regenerates the reference data shipped in packages/core/src/reference/ from the workplace's
// public extracts (../shared/data) and from npm packages. Run by hand when the sources change;
// the product itself only reads the generated files (it never reads ../shared at run time).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SHARED_DIR ?? join(root, '..', 'shared');
const out = join(root, 'packages', 'core', 'src', 'reference');

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function buildCpv() {
  const fr = parseCsv(readFileSync(join(shared, 'data/cpv-2008/cpv_2008_fr_with_parent.csv'), 'utf8')).slice(1);
  const en = new Map(
    parseCsv(readFileSync(join(shared, 'data/cpv-2008/cpv_2008_en.csv'), 'utf8'))
      .slice(1)
      .map((r) => [r[0], r[1]]),
  );
  const codes = fr.map(([id, name, parent]) => {
    const [code, check] = id.split('-');
    const english = en.get(id);
    if (english === undefined) throw new Error(`no English label for ${id}`);
    return [code, check, name, english, parent ? parent.split('-')[0] : ''];
  });
  codes.sort((a, b) => a[0].localeCompare(b[0]));
  const doc = {
    source: 'CPV 2008 (Regulation (EC) 213/2008), extracts ColinMaudry/cpv-app and jasonaddie/cpv-coding-test',
    columns: ['code', 'checkDigit', 'labelFr', 'labelEn', 'parent'],
    codes,
  };
  writeFileSync(join(out, 'cpv-2008.json'), JSON.stringify(doc));
  console.log(`cpv-2008.json: ${codes.length} codes`);
}

/**
 * CPV 2003 → CPV 2008: the official SIMAP correspondence, only for the 2003 codes that are not
 * CPV 2008 codes too (a code valid in both is read as CPV 2008), as [code2003, code2008] pairs.
 */
function buildCpv2003() {
  const cpv2008 = new Set(
    parseCsv(readFileSync(join(shared, 'data/cpv-2008/cpv_2008_fr_with_parent.csv'), 'utf8'))
      .slice(1)
      .map(([id]) => id.split('-')[0]),
  );
  const [header, ...rows] = parseCsv(readFileSync(join(shared, 'data/cpv-2003-2008/cpv2003_to_cpv2008_rcpv.csv'), 'utf8'));
  const from = header.indexOf('cpv2003_8');
  const to = header.indexOf('cpv2008_8');
  const pairs = rows.map((r) => [r[from], r[to]]).filter(([code2003]) => !cpv2008.has(code2003));
  for (const [code2003, code2008] of pairs) if (!cpv2008.has(code2008)) throw new Error(`${code2003} → ${code2008}: not a CPV 2008 code`);
  pairs.sort((a, b) => a[0].localeCompare(b[0]));
  const doc = {
    source:
      'EU Publications Office (SIMAP) correspondence table CPV 2003 → CPV 2008 (Correspondance_2003-2007_en.xlsx), via kaftanowicz/rcpv 45e8105; only codes that are not CPV 2008 codes',
    columns: ['cpv2003', 'cpv2008'],
    pairs,
  };
  writeFileSync(join(out, 'cpv-2003-2008.json'), JSON.stringify(doc));
  console.log(`cpv-2003-2008.json: ${pairs.length} CPV 2003 codes`);
}

function buildGeo() {
  const pkg = join(root, 'node_modules', '@etalab', 'decoupage-administratif', 'data');
  const communes = JSON.parse(readFileSync(join(pkg, 'communes.json'), 'utf8'));
  const epci = JSON.parse(readFileSync(join(pkg, 'epci.json'), 'utf8'));
  const departements = JSON.parse(readFileSync(join(pkg, 'departements.json'), 'utf8'));
  const regions = JSON.parse(readFileSync(join(pkg, 'regions.json'), 'utf8'));
  const epciOfCommune = new Map();
  for (const e of epci) for (const m of e.membres ?? []) epciOfCommune.set(m.code, e.code);
  // Current communes only (type commune-actuelle); arrondissements municipaux are accepted too as INSEE codes.
  const rows = communes
    .filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal')
    .map((c) => [
      c.code,
      c.nom,
      c.departement ?? '',
      c.region ?? '',
      epciOfCommune.get(c.code) ?? (c.commune ? (epciOfCommune.get(c.commune) ?? '') : ''),
    ]);
  const doc = {
    source: '@etalab/decoupage-administratif@6 (communes, EPCI, départements, régions)',
    columns: ['code', 'name', 'departement', 'region', 'epci'],
    communes: rows,
    // typeLiaison is INSEE's TNCC: the article the name takes (0 de, 1 d’, 2 du, 3 de la, 4 des, 5 de l’).
    departements: departements.map((d) => [d.code, d.nom, d.region, d.typeLiaison]),
    regions: regions.map((r) => [r.code, r.nom]),
    epci: epci.map((e) => [e.code, e.nom, e.type]),
  };
  writeFileSync(join(out, 'geo.json'), JSON.stringify(doc));
  console.log(`geo.json: ${rows.length} communes, ${departements.length} départements, ${epci.length} EPCI`);
}

/** SIREN of each current commune (the legal unit « Commune de … »): 14-character records, SIREN then INSEE code. */
function buildCommuneSirens() {
  const pkg = join(root, 'node_modules', '@etalab', 'decoupage-administratif', 'data');
  const communes = JSON.parse(readFileSync(join(pkg, 'communes.json'), 'utf8'));
  const records = communes
    .filter((c) => c.type === 'commune-actuelle' && /^\d{9}$/.test(c.siren ?? ''))
    .map((c) => `${c.siren}${c.code}`)
    .sort();
  const doc = {
    source: '@etalab/decoupage-administratif@6 (communes: siren, code)',
    format: 'siren(9) + code INSEE(5), sorted',
    records: records.join(''),
  };
  writeFileSync(join(out, 'commune-sirens.json'), JSON.stringify(doc));
  console.log(`commune-sirens.json: ${records.length} communes`);
}

function buildNaf() {
  const naf = JSON.parse(readFileSync(join(root, 'node_modules', '@socialgouv', 'codes-naf', 'index.json'), 'utf8'));
  writeFileSync(join(out, 'naf-rev2.json'), JSON.stringify({ source: '@socialgouv/codes-naf', codes: naf.map((n) => [n.id, n.label]) }));
  console.log(`naf-rev2.json: ${naf.length} codes`);
}

function buildDepartementCentroids() {
  // Area-weighted centroid of each département's largest polygon ring (planar approximation, fine at this scale).
  const geo = JSON.parse(readFileSync(join(shared, 'data/departements-geojson/departements-1000m.geojson'), 'utf8'));
  const centroids = {};
  for (const f of geo.features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    let best = null;
    for (const poly of polys) {
      const ring = poly[0];
      let a = 0,
        cx = 0,
        cy = 0;
      for (let i = 0; i < ring.length - 1; i += 1) {
        const [x0, y0] = ring[i];
        const [x1, y1] = ring[i + 1];
        const cross = x0 * y1 - x1 * y0;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (!best || Math.abs(a) > Math.abs(best.a)) best = { a, cx: cx / (3 * a), cy: cy / (3 * a) };
    }
    centroids[f.properties.code] = [Math.round(best.cx * 1e4) / 1e4, Math.round(best.cy * 1e4) / 1e4];
  }
  writeFileSync(
    join(out, 'departement-centroids.json'),
    JSON.stringify({ source: 'computed from departements-1000m.geojson (ColinMaudry/decp.info)', centroids }),
  );
  // The contours themselves are shipped to the web app for offline maps.
  writeFileSync(join(root, 'packages', 'web', 'public', 'departements.geojson'), JSON.stringify(geo));
  console.log(`departement-centroids.json: ${Object.keys(centroids).length}`);
}

function buildCommunePositions() {
  // One point per current commune: the centre of its bounding box in @etalab/fr-bounding-boxes
  // (Licence Ouverte, contours of 2017). A commune created since then takes the box of its former
  // communes (anciensCodes); a Lyon or Marseille arrondissement the box of its commune; the rest
  // are left out and fall back to their département's centroid at run time.
  const pkg = join(root, 'node_modules', '@etalab', 'decoupage-administratif', 'data');
  const communes = JSON.parse(readFileSync(join(pkg, 'communes.json'), 'utf8'));
  const boxes = new Map(
    JSON.parse(readFileSync(join(root, 'node_modules', '@etalab', 'fr-bounding-boxes', 'dist', 'communes.json'), 'utf8')).map((b) => [
      b.id.split(':')[2],
      b.bbox,
    ]),
  );
  const union = (codes) => {
    const found = codes.map((c) => boxes.get(c)).filter(Boolean);
    if (found.length === 0) return null;
    return [
      Math.min(...found.map((b) => b[0])),
      Math.min(...found.map((b) => b[1])),
      Math.max(...found.map((b) => b[2])),
      Math.max(...found.map((b) => b[3])),
    ];
  };
  const current = communes.filter((c) => c.type === 'commune-actuelle' || c.type === 'arrondissement-municipal');
  const rows = [];
  let missing = 0;
  for (const c of current) {
    const box = boxes.get(c.code) ?? union(c.anciensCodes ?? []) ?? (c.commune ? boxes.get(c.commune) : undefined);
    if (!box) {
      missing += 1;
      continue;
    }
    rows.push([c.code, Math.round(((box[0] + box[2]) / 2) * 1e4), Math.round(((box[1] + box[3]) / 2) * 1e4)]);
  }
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  // Compact: codes in one string, positions in 1e-4 degree integers (≈ 10 m), each as the
  // difference from the previous commune's, which is small since neighbouring codes are near.
  const delta = (i) => rows.map((r, k) => (k === 0 ? r[i] : r[i] - rows[k - 1][i]));
  const doc = {
    source:
      'Centre of each commune’s bounding box, @etalab/fr-bounding-boxes@0.1.3 (2017 contours, Licence Ouverte), codes of @etalab/decoupage-administratif@6',
    scale: 1e-4,
    codes: rows.map((r) => r[0]).join(''),
    lonDeltas: delta(1),
    latDeltas: delta(2),
  };
  writeFileSync(join(out, 'commune-positions.json'), JSON.stringify(doc));
  console.log(`commune-positions.json: ${rows.length} communes placed, ${missing} left to their département centroid`);
}

const what = process.argv[2] ?? 'all';
if (what === 'all' || what === 'cpv') buildCpv();
if (what === 'all' || what === 'cpv') buildCpv2003();
if (what === 'all' || what === 'geo') buildGeo();
if (what === 'all' || what === 'geo') buildCommuneSirens();
if (what === 'all' || what === 'naf') buildNaf();
if (what === 'all' || what === 'geo') buildDepartementCentroids();
if (what === 'all' || what === 'positions') buildCommunePositions();
