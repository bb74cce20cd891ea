import { readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportRecordDto } from '@mutualis/contract';
import fc from 'fast-check';
import type { Response } from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectXlsxArchive, unpackEntry } from '../../src/files/inspect-xlsx-archive';
import { readXlsxSheets } from '../../src/files/read-xlsx-sheets';
import { multipartFile } from '../census-files';
import { settled } from '../settled-import';
import { decpXmlRepeatingHolders, FORMULA_STRINGS, xlsxWithHugeCell, xmlEntry, zipOf } from '../hostile-files';
import { type AppTestContext, describeApp, type Persona } from '../test-app';

/**
 * Generous bounds, far from what the code needs (a few MB and a few hundred ms per file) and far
 * below what it took before these inputs were bounded: the issue's 450 MB cell took the server from
 * 257 MB to 1.7 GB, and 100,000 repeated <titulaire> 83 s.
 */
const MEMORY_BOUND_BYTES = 400 * 2 ** 20;
const TIME_BOUND_MS = 30_000;
/** Each payload as a spreadsheet would run it, without its trigger character (what a formula element would hold). */
const PAYLOAD_MARKERS = ['HYPERLINK(', "cmd|' /C calc'", 'SUM(1+9)', '1+1'];
/** Where this file's DECP uploads wait for their job (the app's IMPORT_DIR), its own to tell its descriptors apart. */
const IMPORT_DIR = join(tmpdir(), `mutualis-fuzz-imports-${process.pid}`);

/** The process's peak resident memory so far (a high-water mark: a peak between two samples is not missed). */
const peakRss = () => process.resourceUsage().maxRSS * 1024;

/**
 * Descriptors this process holds open on an uploaded file (in an upload's temporary directory or
 * in the directory where DECP uploads wait for their job), with their flags (Linux: /proc/self/fd and fdinfo).
 */
function openUploadDescriptors(): { target: string; isReadOnly: boolean }[] {
  const open: { target: string; isReadOnly: boolean }[] = [];
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (!target.includes('mutualis-upload-') && !target.startsWith(IMPORT_DIR)) continue;
      const flags = /flags:\s*([0-7]+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1] ?? '1';
      open.push({ target, isReadOnly: (Number.parseInt(flags, 8) & 3) === 0 });
    } catch {
      // closed meanwhile (the descriptor of readdirSync itself)
    }
  }
  return open;
}

const openUploads = () => openUploadDescriptors().map((d) => d.target);
/** Whether the server is reading an uploaded file (a DECP import job under way). */
const isReadingUpload = () => openUploadDescriptors().some((d) => d.isReadOnly);

/** Resolves once the server reads an uploaded file (the upload is on disk, the import job has begun), or when `done` settles. */
async function importReading(done: Promise<unknown>): Promise<boolean> {
  let isDone = false;
  void done.finally(() => {
    isDone = true;
  });
  while (!isDone) {
    if (isReadingUpload()) return true;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return false;
}

/** Cells of a CSV text as written (quotes removed, nothing else undone), independently of the product's parser. */
function rawCsvCells(text: string): string[] {
  const cells: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === '\n')) {
      cells.push(field.replace(/\r$/, ''));
      field = '';
    } else field += ch;
  }
  return [...cells, field];
}

/** The text of every `<f>` (formula) element of every sheet of a workbook. */
async function formulasOf(workbook: Buffer): Promise<string[]> {
  const formulas: string[] = [];
  for (const entry of await inspectXlsxArchive(workbook, 'export.xlsx')) {
    if (!entry.name.startsWith('xl/worksheets/')) continue;
    const parts: Buffer[] = [];
    for await (const chunk of unpackEntry(workbook, entry, 'export.xlsx')) parts.push(chunk);
    for (const match of Buffer.concat(parts)
      .toString('utf8')
      .matchAll(/<f[^>]*>([^<]*)<\/f>/g))
      formulas.push(match[1] ?? '');
  }
  return formulas;
}

describeApp(
  'hostile files and formula strings against every importer and export',
  (t) => {
    let baseline = 0;
    let groupementId = '';
    beforeAll(async () => {
      baseline = peakRss();
      const created = await t.as('facilitator').post(`/api/territories/${t.world.territoryA.slug}/groupements`, {
        opportunityId: 'famille:fam-salt@territoire',
      });
      groupementId = created.json<{ id: string }>().id;
    });
    afterAll(() => rmSync(IMPORT_DIR, { recursive: true, force: true }));

    /** Sends a request and checks that it stayed within the time and memory bounds. */
    async function bounded(send: () => Promise<Response>): Promise<Response> {
      const started = performance.now();
      const response = await send();
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      expect(peakRss() - baseline).toBeLessThan(MEMORY_BOUND_BYTES);
      expect(response.statusCode, response.body).toBeLessThan(500);
      return response;
    }

    const upload = (persona: Persona, url: string, fileName: string, content: Buffer) => {
      const { payload, headers } = multipartFile(fileName, content);
      return bounded(() => t.as(persona).request('POST', url, payload, headers));
    };

    const decpUrl = () => `/api/territories/${t.world.territoryA.slug}/imports/decp`;
    /** Uploads a DECP file and waits for its preview job to end, the whole within the time and memory bounds. */
    async function previewDecp(fileName: string, content: Buffer): Promise<ImportRecordDto> {
      let record: ImportRecordDto | undefined;
      await bounded(async () => {
        const response = await upload('facilitator', decpUrl(), fileName, content);
        expect(response.statusCode, response.body).toBe(202);
        record = await settled(t.as('facilitator'), `${decpUrl().replace(/\/decp$/, '')}/${(response.json() as ImportRecordDto).id}`);
        return response;
      });
      return record as ImportRecordDto;
    }

    /** A census upload's job once ended (a census is checked, and stored, by an import job), within the bounds. */
    async function censusJob(response: Response): Promise<ImportRecordDto> {
      expect(response.statusCode, response.body).toBe(202);
      const started = performance.now();
      const url = `/api/organizations/${t.world.buyerA1.id}/imports/${(response.json() as ImportRecordDto).id}`;
      const record = await settled(t.as('facilitator'), url);
      expect(performance.now() - started).toBeLessThan(TIME_BOUND_MS);
      expect(peakRss() - baseline).toBeLessThan(MEMORY_BOUND_BYTES);
      return record;
    }

    const bombs: [string, () => Promise<Buffer>, number, string][] = [
      ['a 450 MB cell in 440 KB (declared size)', () => xlsxWithHugeCell(450_000_000), 413, 'payload_too_large'],
      ['the same bomb declaring 4 KB', () => xlsxWithHugeCell(450_000_000, { declaredSize: 4_000 }), 400, 'unreadable_file'],
      ['a 300 KB cell', () => xlsxWithHugeCell(300_000), 400, 'validation_failed'],
      [
        'bytes hidden outside the directory',
        async () =>
          zipOf([xmlEntry('[Content_Types].xml', '<Types/>'), xmlEntry('xl/workbook.xml', '<w/>')], { hidden: Buffer.alloc(64, 1) }),
        400,
        'unreadable_file',
      ],
      ['1,000 files', async () => zipOf(Array.from({ length: 1_000 }, (_, i) => xmlEntry(`x${i}.xml`, '<a/>'))), 400, 'unreadable_file'],
    ];

    describe.each([
      ['census import', (c: AppTestContext) => `/api/organizations/${c.world.buyerA1.id}/needs/import`],
      ['consumption import', () => `/api/groupements/${groupementId}/consumption/import`],
      ['running contracts import', (c: AppTestContext) => `/api/organizations/${c.world.buyerA1.id}/contracts/import`],
    ])('%s', (_importer, urlOf) => {
      it.each(bombs)('refuses %s before parsing it, in French, within bounds', async (_name, build, status, code) => {
        const response = await upload('facilitator', urlOf(t), 'fichier.xlsx', await build());
        if (_importer === 'census import') {
          // Its job fails with the reason (the record keeps the message, not the code).
          const record = await censusJob(response);
          expect(record.status).toBe('failed');
          expect(record.error).toMatch(/^Le (fichier|classeur) fichier\.xlsx (n’est pas|est trop|contient)/);
          return;
        }
        expect(response.statusCode).toBe(status);
        expect(response.json()).toMatchObject({ code, details: { issues: [{ field: 'file', file: 'fichier.xlsx' }] } });
        expect(response.json().details.issues[0].reason).toMatch(/[éèàô]|taille|archive/);
      });
    });

    it.each([
      ['XML: one record repeating <titulaire> 100,000 times (13 MB)', 'hostile.xml', () => decpXmlRepeatingHolders(100_000), 'previewed'],
      [
        'JSON: one record listing 100,000 holders (over 1 MiB)',
        'hostile.json',
        () => Buffer.from(`{"marches":[{"id":"x","titulaires":[${Array(100_000).fill('{"id":"21670482500019"}').join(',')}]}]}`),
        'previewed',
      ],
      [
        'XML nested 1,000,000 levels',
        'profond.xml',
        () => Buffer.from(`<marches>${'<a>'.repeat(1e6)}${'</a>'.repeat(1e6)}</marches>`),
        'failed',
      ],
      [
        'JSON nested 1,000,000 levels',
        'profond.json',
        () => Buffer.from(`{"a":${'['.repeat(1e6)}${']'.repeat(1e6)},"marches":[]}`),
        'failed',
      ],
      [
        'XML with 5 MB of text in one record',
        'texte.xml',
        () => Buffer.from(`<marches><marche><objet>${'é'.repeat(5e6)}</objet></marche></marches>`),
        'previewed',
      ],
    ])('DECP import of %s: rejected with the reason, within bounds', async (_name, fileName, build, status) => {
      const record = await previewDecp(fileName, build());
      expect(record.status, record.error ?? '').toBe(status);
      if (status === 'previewed') {
        expect(record.decpPreview).toMatchObject({ read: 1, rejected: 1, contracts: { new: 0 } });
        expect(record.decpPreview?.rejections[0]?.reason).toMatch(/^enregistrement refusé : /);
      } else expect(record.error).toMatch(new RegExp(`^Fichier DECP ${fileName} illisible : .*plus de 64 niveaux`));
    });

    /**
     * Sends a hostile upload and, while it is being handled (its import job included), two requests that read the database
     * (health, a needs page no cache holds). Says after each answer whether `isStillBusy()`: the
     * hostile upload blocks neither the event loop nor the database connection meanwhile.
     */
    async function answeredMeanwhile<T>(options: {
      send: () => Promise<T>;
      started: (hostile: Promise<T>) => Promise<boolean>;
      isStillBusy: () => boolean;
    }): Promise<{ hostile: T; answers: string[] }> {
      const answers: string[] = [];
      let isHostileDone = false;
      const hostile = options.send().finally(() => {
        isHostileDone = true;
      });
      expect(await options.started(hostile), 'the hostile request ended before the other requests were sent').toBe(true);
      const note = (name: string, response: Response) => {
        expect(response.statusCode, response.body).toBe(200);
        answers.push(`${name}: ${isHostileDone ? 'after' : options.isStillBusy() ? 'meanwhile' : 'unsure'}`);
      };
      note('health', await t.as('anonymous').get('/api/health'));
      note('needs', await t.as('member').get(`/api/needs?territory=${t.world.territoryA.slug}&q=pendant${answers.length}`));
      return { hostile: await hostile, answers };
    }

    it('answers other requests while a 13 MB XML repeating <titulaire> is read, and refuses its record', async () => {
      const { hostile, answers } = await answeredMeanwhile({
        send: () => previewDecp('hostile.xml', decpXmlRepeatingHolders(100_000)),
        started: importReading,
        isStillBusy: isReadingUpload,
      });
      expect(answers).toEqual(['health: meanwhile', 'needs: meanwhile']);
      expect(hostile.decpPreview).toMatchObject({ read: 1, rejected: 1 });
    });

    /*
     * The workbook declares 4 000 bytes for its cell: the reader stops there, so the job may be refused before or
     * after the other requests are answered — both are right (the slow case, where "meanwhile" means something, is
     * the 13 MB XML above).
     */
    it('answers other requests while a census workbook hiding a 450 MB cell is sent, and refuses it at its declared size', async () => {
      const { payload, headers } = multipartFile('fichier.xlsx', await xlsxWithHugeCell(450_000_000, { declaredSize: 4_000 }));
      const url = `/api/organizations/${t.world.buyerA1.id}/needs/import`;
      const { hostile, answers } = await answeredMeanwhile({
        send: async () => censusJob(await bounded(() => t.as('facilitator').request('POST', url, payload, headers))),
        started: async () => true,
        isStillBusy: () => true,
      });
      expect(answers.map((a) => a.replace(/: (meanwhile|after)$/, ': answered'))).toEqual(['health: answered', 'needs: answered']);
      expect([hostile.status, hostile.error]).toEqual(['failed', expect.stringMatching(/^Le fichier fichier\.xlsx n’est pas un classeur/)]);
    });

    it('leaves none of the uploaded files open once a DECP import was refused mid-file', async () => {
      for (const [fileName, content] of [
        ['profond.xml', Buffer.from(`<marches>${'<a>'.repeat(1e5)}${'</a>'.repeat(1e5)}</marches>`)],
        ['profond.json', Buffer.from(`{"marches":[${'['.repeat(1e5)}${']'.repeat(1e5)}]}`)],
      ] as const) {
        expect((await previewDecp(fileName, content)).status).toBe('failed');
      }
      expect(openUploads()).toEqual([]);
    });

    it('neutralises formula strings of imported needs, organizations, groupements and forecasts in every CSV and XLSX export', async () => {
      const slug = t.world.territoryA.slug;
      await t.repos.organizations.update(t.world.buyerA2.id, { name: FORMULA_STRINGS[0] });
      await t.repos.groupements.update(groupementId, { name: FORMULA_STRINGS[3] });
      const published = await t.as('facilitator').post(`/api/territories/${slug}/forecast`, {
        opportunityId: 'famille:fam-salt@territoire',
        launchDate: '2027-03-01',
        startDate: '2027-09-01',
        title: FORMULA_STRINGS[1],
      });
      expect(published.statusCode, published.body).toBe(201);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.oneof(fc.constantFrom(...FORMULA_STRINGS), fc.string({ minLength: 1, maxLength: 30 })), {
            minLength: 1,
            maxLength: 4,
          }),
          async (labels) => {
            const usable = labels.map((l) => l.replace(/[;"\r\n]/g, ' ').trim()).filter((l) => l !== '');
            fc.pre(usable.length > 0);
            const csv = ['Organisation (SIRET);Code CPV;Libellé;Quantité annuelle;Unité;Prix unitaire HT (€)'];
            for (const label of usable) csv.push(`${t.world.buyerA1.siret};34927100;"${label}";10;t;95,50`);
            const imported = await upload(
              'facilitator',
              `/api/organizations/${t.world.buyerA1.id}/needs/import?accept=valid`,
              'besoins.csv',
              Buffer.from(csv.join('\r\n')),
            );
            expect((await censusJob(imported)).status).toBe('done');
            const exported = await bounded(() => t.as('facilitator').get(`/api/territories/${slug}/needs.csv`));
            for (const cell of rawCsvCells(exported.body)) {
              expect(/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(?:[.,]\d+)?$/.test(cell), `cell ${JSON.stringify(cell)}`).toBe(false);
            }
          },
        ),
        { numRuns: 12 },
      );
      // Then every payload once, so that each workbook below has them all to show.
      const all = ['Organisation (SIRET);Code CPV;Libellé;Quantité annuelle;Unité;Prix unitaire HT (€)'];
      for (const label of FORMULA_STRINGS) all.push(`${t.world.buyerA1.siret};34927100;"${label.replace(/\r/g, '')}";10;t;95,50`);
      const imported = await upload(
        'facilitator',
        `/api/organizations/${t.world.buyerA1.id}/needs/import?accept=valid`,
        'formules.csv',
        Buffer.from(all.join('\r\n')),
      );
      expect((await censusJob(imported)).censusResult).toMatchObject({ stored: { created: FORMULA_STRINGS.length } });
      const forecast = await bounded(() => t.as('anonymous').get(`/api/public/territories/${slug}/forecast.csv`));
      expect(rawCsvCells(forecast.body)).toContain(`'${FORMULA_STRINGS[1]}`);
      for (const url of [
        `/api/territories/${slug}/needs.xlsx`,
        `/api/territories/${slug}/opportunities.xlsx`,
        `/api/territories/${slug}/census/template.xlsx`,
        `/api/territories/${slug}/dashboard.xlsx`,
        `/api/groupements/${groupementId}/file.xlsx`,
      ]) {
        const workbook = (await bounded(() => t.as('facilitator').get(url))).rawPayload;
        const formulas = await formulasOf(workbook);
        expect(
          formulas.filter((f) => PAYLOAD_MARKERS.some((m) => f.includes(m))),
          url,
        ).toEqual([]);
        const texts = (await readXlsxSheets(workbook, 'export.xlsx')).flatMap((s) => s.rows.flatMap((r) => r.cells));
        // The payloads are there, as text (alone in their cell, or in a list such as « Membres »).
        expect(
          texts.some((text) => FORMULA_STRINGS.some((f) => text.includes(f))),
          url,
        ).toBe(true);
      }
    });
  },
  { env: { IMPORT_DIR } },
);
