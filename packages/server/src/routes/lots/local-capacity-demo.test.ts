import type { LotDesignDto, OpportunityDetailDto, PublicForecastDto, SourcingResultDto } from '@mutualis/contract';
import { DEMO_PASSWORD } from '@mutualis/core';
import { createRepositories } from '@mutualis/db';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../../db/test/dialects';
import { type Client, clientFor, loggedInClient } from '../../../test/test-app';
import { buildApp } from '../../app/build-app';
import { loadConfig } from '../../config/load-config';
import { loadDemo } from '../../demo/load-demo';
import { loadLocalContext } from '../../local/load-local-context';

// Issue 5 §6 acceptance stories on the demo data, through the real server and database.
const GEL = encodeURIComponent('famille:fam-hand-sanitizer@16');
const SALT = encodeURIComponent('famille:fam-salt@territoire');
const SLOW = 240_000;

let database: TestDatabase;
let app: FastifyInstance;
let facilitator: Client;
let alsace: Client;
let supplier: Client;
let anonymous: Client;

beforeAll(async () => {
  database = await openTestDatabase('sqlite');
  await loadDemo(database.m);
  app = await buildApp({ database: database.m, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false });
  const as = (email: string) => loggedInClient(app, email, DEMO_PASSWORD);
  facilitator = await as('facilitateur@charente.demo');
  supplier = await as('contact@cirages-angoumois.demo');
  alsace = await as(await alsaceFacilitatorEmail());
  anonymous = clientFor(
    () => app,
    () => undefined,
  );
}, SLOW);

afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

/** The demo facilitator of Alsace, read from the database so the test follows the demo data. */
async function alsaceFacilitatorEmail(): Promise<string> {
  const row = await database.m.db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .innerJoin('territories', 'territories.id', 'user_roles.territory_id')
    .select('users.email')
    .where('territories.slug', '=', 'alsace')
    .where('user_roles.role', '=', 'facilitator')
    .executeTakeFirstOrThrow();
  return row.email;
}

describe('Charente hand-sanitiser gel (demo)', () => {
  it('finds the polish maker as potential producer, the distiller for ethanol and the local bottle blower', async () => {
    const response = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/sourcing`);
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<SourcingResultDto>();
    const polish = result.potentialProducers.find((p) => p.name === 'Cirages et Cires de l’Angoumois');
    expect(polish?.covered.map((c) => c.code)).toEqual(
      expect.arrayContaining(['formulation-liquides', 'melange-cuves', 'conditionnement-flacons', 'stockage-inflammables']),
    );
    expect(polish?.missing.map((c) => c.code)).toEqual(['laboratoire-controle-qualite', 'reglementation-biocides']);
    const suppliersOf = (cpv: string) => result.inputs.find((i) => i.cpvCode === cpv)?.suppliers.map((s) => s.name) ?? [];
    expect(suppliersOf('24322510')).toContain('Distillerie des Marcs de Cognac');
    expect(suppliersOf('39225730')).toEqual(['Plastiques Soufflés de la Touvre']);
    expect(result.notice).toContain('R2111-1');
    // The result names the recipe it used by id: the one the recipes list gives for the gel's product.
    const recipes = (await facilitator.get('/api/territories/charente/recipes')).json<{ items: { id: string; label: string }[] }>();
    const used = recipes.items.find((r) => r.id === result.recipeId);
    expect(used?.label).toBe(result.recipeLabel);
    expect(result.recipeId).not.toBeNull();
  });

  it('shows one large lot excludes every local firm while the proposed lots keep two eligible local firms each', async () => {
    const response = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/lots?k=2`);
    expect(response.statusCode, response.body).toBe(200);
    const { design } = response.json<LotDesignDto>();
    if (!design.ok) throw new Error(design.reason);
    const single = design.frontier.find((s) => s.id === design.singleLotId);
    const recommended = design.frontier.find((s) => s.id === design.recommendedId);
    expect(single?.lots.map((l) => l.eligibleFirms.length)).toEqual([0]);
    // One opportunity, one savings figure: the single lot carries the opportunity page's estimate, and a
    // structure in lots says how far it moves from it (never above it).
    const detail = (await facilitator.get(`/api/territories/charente/opportunities/${GEL}`)).json<OpportunityDetailDto>();
    expect(design.opportunitySavings).toEqual(detail.savings);
    expect(single?.savingsCents).toBe(detail.savings?.central);
    expect(recommended?.savingsCents).toBe((detail.savings?.central ?? Number.NaN) + (recommended?.lotEffectCents ?? Number.NaN));
    expect(recommended?.lotEffectCents).toBeLessThanOrEqual(0);
    expect(recommended?.savingsExplanation).toMatch(/opportunité/);
    expect(single?.justification?.text).toContain('L2113-11');
    expect(recommended?.lots.length).toBeGreaterThan(1);
    for (const lot of recommended?.lots ?? []) expect(lot.eligibleFirms.length, lot.label).toBeGreaterThanOrEqual(2);
    expect(recommended?.accessibleShare).toBe(1);
    // The gel is a TP1 biocide: the polish maker, without the biocide declaration nor a laboratory, cannot
    // answer alone (Règlement (UE) n° 528/2012); with the quality laboratory it covers 7 competences of 7 and
    // every prerequisite, and answers as a joint bid (R2142-19). Explanations name the input suppliers, never ids.
    const lot = recommended?.lots[0];
    const alone = lot?.ineligibleFirms.find((f) => f.name === 'Cirages et Cires de l’Angoumois');
    expect(alone?.explanation).toContain('prérequis bloquants non remplis : déclaration du produit biocide TP1');
    expect(alone?.explanation).toContain('Règlement (UE) n° 528/2012');
    const joint = lot?.eligibleFirms.find((f) => f.name === 'Cirages et Cires de l’Angoumois + Laboratoire Charente Qualité (groupement)');
    expect(joint?.sources).toEqual(['joint']);
    expect(joint?.isSme).toBe(true);
    expect(joint?.explanation).toContain('couvrent 7 compétences sur 7');
    expect(joint?.explanation).toContain('R2142-19');
    expect(joint?.explanation).toContain('Distillerie');
    expect(design.jointBids.map((j) => j.name)).toEqual(['Cirages et Cires de l’Angoumois + Laboratoire Charente Qualité (groupement)']);
    for (const lot of recommended?.lots ?? [])
      for (const firm of [...lot.eligibleFirms, ...lot.ineligibleFirms]) expect(firm.explanation).not.toMatch(/demo-firm-/);
  });
});

describe('Alsace road salt (demo)', () => {
  it('cuts the salt by département and keeps local hauliers eligible in each lot, explaining every firm', async () => {
    const response = await alsace.get(`/api/territories/alsace/opportunities/${SALT}/lots?k=2`);
    expect(response.statusCode, response.body).toBe(200);
    const { design } = response.json<LotDesignDto>();
    if (!design.ok) throw new Error(design.reason);
    const recommended = design.frontier.find((s) => s.id === design.recommendedId);
    expect(recommended?.lots.map((l) => l.geoNode)).toEqual(['D:67', 'D:68']);
    // Hauliers are the firms registered under NAF 49.41A (road freight), read from the demo data.
    const hauliers = new Set(
      (await loadLocalContext(createRepositories(database.m), 'alsace')).firms
        .filter((f) => f.profile.nafCodes.includes('49.41A'))
        .map((f) => f.organization.name),
    );
    expect(hauliers.size).toBeGreaterThanOrEqual(4);
    for (const lot of recommended?.lots ?? []) {
      expect(lot.eligibleFirms.length, lot.label).toBeGreaterThanOrEqual(2);
      const eligibleHauliers = lot.eligibleFirms.filter((f) => hauliers.has(f.name));
      expect(eligibleHauliers.length, lot.label).toBeGreaterThanOrEqual(2);
      for (const firm of eligibleHauliers) {
        // A haulier answers through the salt recipe: it stores and delivers, and buys the salt.
        expect(firm.sources).toEqual(['producer']);
        expect(firm.explanation).toMatch(/^Éligible : peut assurer « Sel de déneigement livré en vrac/);
        expect(firm.explanation).toContain(
          'achète : sel gemme ou sel de mer (chlorure de sodium) (fournisseur local : Comptoir Rhénan des Sels)',
        );
      }
      for (const firm of lot.ineligibleFirms) expect(firm.explanation).toMatch(/^Non éligible : /);
    }
    // Bas-Rhin lot: CD67 12 000 t + Eurométropole 3 500 t + Haguenau 450 t + Sélestat 300 t = 16 250 t, more than
    // the 15 000 t the Reichstett warehouse declares; the Haguenau haulier (120 km) does not reach Altkirch (≈ 142 km).
    const [bas, haut] = recommended?.lots ?? [];
    expect(bas?.ineligibleFirms.find((f) => f.name === 'Entrepôts Vrac de Reichstett')?.explanation).toContain(
      'capacité 15\u00a0000\u00a0t/an < 16\u00a0250\u00a0t demandées dans ce lot',
    );
    expect(haut?.ineligibleFirms.find((f) => f.name === 'Transports Kieffer et Fils')?.explanation).toMatch(
      /hors de son rayon de livraison 120\u00a0km \(le plus loin : Altkirch à 14\d\u00a0km\)/,
    );
    const single = design.frontier.find((s) => s.id === design.singleLotId);
    expect(single?.lots[0]?.isAccessible).toBe(false);
    expect(design.positionNote).toContain('centre de sa commune');
  });
});

describe('award criteria, supply security, prerequisites and the consultation skeleton (demo, issue 17)', () => {
  it('weighs the gel lots with an environmental criterion, security taken from price, and caps turnover per lot', async () => {
    const response = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/lots?k=2&securityWeight=10`);
    expect(response.statusCode, response.body).toBe(200);
    const { design } = response.json<LotDesignDto>();
    if (!design.ok) throw new Error(design.reason);
    const detail = (await facilitator.get(`/api/territories/charente/opportunities/${GEL}`)).json<OpportunityDetailDto>();
    // Launched today (after 21 August 2026), formalised: the loi Climat et résilience asks all three.
    expect(detail.procedure.kind).toBe('formalised');
    expect(design.awardRules?.id).toBe('award-2026-08');
    expect(design.awardRules?.obligations).toEqual([
      'un critère d’attribution environnemental (L2152-7)',
      'une condition d’exécution environnementale (L2112-2)',
      'une condition d’exécution sociale (L2112-2-1)',
    ]);
    const recommended = design.frontier.find((s) => s.id === design.recommendedId);
    const stMichel = recommended?.lots.find((l) => l.label === 'Saint-Michel — tous produits');
    const award = stMichel?.award;
    if (!award) throw new Error('no award terms');
    expect(award.criteria.criteria.map((c) => [c.kind, c.weight])).toEqual([
      ['price', 50],
      ['technical', 25],
      ['environmental', 15],
      ['supply_security', 10],
    ]);
    // 10 / (50 − 10) = 25 % of the lot's 93 600 € = 23 400 € a year at most.
    expect(award.criteria.securityCost.maxCents).toBe(2_340_000);
    // R2142-7 (1.5 × the lot's estimated value): 93 600 € a year × the opportunity's value / its annual amount.
    const value = Math.round(9_360_000 * ((detail.estimatedValueCents ?? Number.NaN) / 19_234_000));
    expect(award.turnover.capCents).toBe(Math.round(value * 1.5));
    // Both able bidders are SMEs (the wholesaler and the polish maker's joint bid): no minimum turnover proposed.
    expect(award.turnover.proposedCents).toBeNull();
    expect(award.turnover.explanation).toContain('2 PME locales sur 2 éligibles');
    // Security: two local bidders; three past holders of the members' gel contracts (the seed rows).
    expect(award.security.expectedBidders.localEligible).toBe(2);
    expect(award.security.concentration.holderCount).toBe(3);
    expect(award.security.concentration.hhi).toBeGreaterThan(2000);
    expect(award.security.risks).toContain('titulaires passés très concentrés');
  });

  it('writes the consultation skeleton as a DOCX: lots, R2113-1 clause, criteria, groupements, execution conditions', async () => {
    const response = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/consultation.docx?securityWeight=10`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(response.rawPayload);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const expected of [
      'Règlement de la consultation (extraits)',
      'Cahier des clauses administratives particulières (extraits)',
      'Lot n° 3 — Saint-Michel — tous produits',
      'R2113-1',
      'Prix 50 % ; Valeur technique 25 %',
      'Sécurité d’approvisionnement (stocks, délais de réapprovisionnement, sources d’intrants) 10 %',
      'R2142-19',
      'une fois et demie le montant estimé du marché ou du lot',
      'Condition d’exécution environnementale',
      'Les prix sont fermes (R2112-9)',
    ])
      expect(text).toContain(expected);
    // Salt follows an index: its skeleton carries a revision clause.
    const salt = await alsace.get(`/api/territories/alsace/opportunities/${SALT}/consultation.docx`);
    expect(salt.statusCode, salt.body).toBe(200);
    const saltXml = (await (await JSZip.loadAsync(salt.rawPayload)).file('word/document.xml')?.async('string')) ?? '';
    expect(saltXml).toContain('Les prix sont révisables (R2112-13)');
  });

  it('refuses a security weight above 20 and a firm or an anonymous caller', async () => {
    const tooMuch = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/lots?securityWeight=40`);
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toContain('securityWeight');
    expect((await facilitator.get(`/api/territories/charente/opportunities/${GEL}/consultation.docx?securityWeight=-5`)).statusCode).toBe(
      400,
    );
    expect((await anonymous.get(`/api/territories/charente/opportunities/${GEL}/consultation.docx`)).statusCode).toBe(401);
    expect((await supplier.get(`/api/territories/charente/opportunities/${GEL}/consultation.docx`)).statusCode).toBe(403);
  });

  it('lists the gel’s blocking prerequisites, the joint bid and the dated checklist on the local chain', async () => {
    const result = (await facilitator.get(`/api/territories/charente/opportunities/${GEL}/sourcing`)).json<SourcingResultDto>();
    expect(result.prerequisites.map((p) => p.code)).toEqual(['biocide-declaration', 'quality-control', 'icpe-flammable-storage']);
    const polish = result.potentialProducers.find((p) => p.name === 'Cirages et Cires de l’Angoumois');
    expect(polish?.missingPrerequisites.map((p) => p.code)).toEqual(['biocide-declaration', 'quality-control']);
    expect(result.jointBids.map((j) => j.name)).toEqual(['Cirages et Cires de l’Angoumois + Laboratoire Charente Qualité (groupement)']);
    // Deadlines count back from the calendar's start: biocide declaration 90 days, ICPE 150 days before.
    const detail = (await facilitator.get(`/api/territories/charente/opportunities/${GEL}`)).json<OpportunityDetailDto>();
    const back = (days: number) => new Date(Date.parse(`${detail.startDate}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    expect(result.checklist?.map((i) => [i.code, i.status, i.deadline])).toEqual([
      ['biocide-declaration', 'to_obtain', back(90)],
      ['quality-control', 'held', back(30)],
      ['icpe-flammable-storage', 'held', back(150)],
    ]);
    expect(result.checklist?.[0]?.heldBy).toEqual(['Laboratoire Charente Qualité']);
  });
});

describe('urgence impérieuse (R2122-1) on the demo gel (issue 17 §3)', () => {
  // R2122-1: « lorsqu’une urgence impérieuse résultant de circonstances extérieures et qu’il ne pouvait pas prévoir
  // ne permet pas de respecter les délais minimaux exigés par les procédures formalisées ».
  it('explains the conditions and keeps the pooled 32 000 L out of it; refuses bad dates and other roles', async () => {
    const response = await facilitator.get(`/api/territories/charente/opportunities/${GEL}/urgency`);
    expect(response.statusCode, response.body).toBe(200);
    const urgency = response.json<{ articleText: string; doesNotApply: string[] }>();
    expect(urgency.articleText).toContain('circonstances extérieures et qu’il ne pouvait pas prévoir');
    expect(urgency.doesNotApply[1]).toMatch(
      /besoin récurrent recensé « Gel et solution hydro-alcoolique » \(32[\u00a0\u202f ]000[\u00a0\u202f ]L par an\)/,
    );
    expect((await facilitator.get(`/api/territories/charente/opportunities/${GEL}/urgency?at=2026-13-45`)).statusCode).toBe(400);
    expect((await supplier.get(`/api/territories/charente/opportunities/${GEL}/urgency`)).statusCode).toBe(403);
  });
});

describe('forecast published to local firms (demo)', () => {
  it('publishes the gel lots, lets the polish maker declare interest, and shows them on the public page without prices', async () => {
    const published = await facilitator.post('/api/territories/charente/forecast', {
      opportunityId: decodeURIComponent(GEL),
      launchDate: '2027-02-01',
      startDate: '2027-07-01',
      title: 'Gel hydro-alcoolique des acheteurs charentais',
    });
    expect(published.statusCode, published.body).toBe(201);
    const consultation = published.json<PublicForecastDto['consultations'][number]>();
    const lot = consultation.lots[0];
    if (!lot) throw new Error('no lot published');

    const declared = await supplier.post(`/api/forecast/${consultation.id}/interests`, { lotId: lot.id, capacity: 20_000, unit: 'L' });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ firm: { name: 'Cirages et Cires de l’Angoumois' }, coversLot: true });
    const log = await facilitator.get('/api/territories/charente/contacts');
    expect(log.json<{ items: { subject: string }[] }>().items[0]?.subject).toContain('Déclaration d’intérêt');

    const page = await anonymous.get('/api/public/territories/charente/forecast');
    expect(page.statusCode).toBe(200);
    const forecast = page.json<PublicForecastDto>();
    expect(forecast.consultations.map((c) => c.title)).toContain('Gel hydro-alcoolique des acheteurs charentais');
    // Published volumes only: no amount, price, member or firm appears in the public answer.
    expect(page.body).not.toMatch(/Cents|unitPrice|organizationId|Ville d’Angoulême|Centre hospitalier|Cirages|siteCodes/);
  });
});
