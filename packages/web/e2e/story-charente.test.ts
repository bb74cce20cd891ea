import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { captureFullPage, firstOfMonthIn, logIn, longFrenchDate, POLL, STEP_TIMEOUT_MS, waitForToastsGone } from './story-helpers';
import { SCREENSHOTS, setUpWebApp } from './web-app';

/*
 * The Charente seed story (packages/core/src/demo/charente.ts and the gel recipe in
 * packages/core/src/recipes/default-recipes.ts), walked in the UI by its people: the hospital's
 * pharmacist checks her gel need, the facilitator finds the gel opportunity of the city and the
 * hospital, reads which local firms could make it and supply its inputs, designs lots that local
 * firms can answer, publishes the forecast; anyone reads it on the public page; the polish maker
 * declares its interest; the facilitator sees the declaration and the contact log.
 *
 * Seed gel rows (litres a year × € per litre):
 *   Ville d’Angoulême (16015)        6 500 × 6,80 = 44 200 €
 *   CH d’Angoulême (Saint-Michel 16341) 18 000 × 5,20 = 93 600 €
 *   GrandAngoulême (16015)           2 200 × 7,40 = 16 280 €
 *   Département de la Charente (16015) 3 800 × 6,95 = 26 410 €
 *   Ville de Cognac (16102)          1 500 × 7,90 = 11 850 €
 *   → 5 members, 32 000 L, 192 340 € a year.
 */
const FLOW_TIMEOUT_MS = 420_000;

const FACILITATOR = 'facilitateur@charente.demo';
const PHARMACIST = 'pharmacie@ch-angouleme.demo';
const CITY_BUYER = 'achats@angouleme.demo';
const SUPPLIER = 'contact@cirages-angoumois.demo';
const CITY = 'Ville d’Angoulême';
const HOSPITAL = 'Centre hospitalier d’Angoulême';
const GEL = 'Gel et solution hydro-alcoolique';
const POLISH_MAKER = 'Cirages et Cires de l’Angoumois';
const TITLE = 'Gel hydro-alcoolique des acheteurs charentais';

/*
 * The gel recipe's competences and weights: formulation of liquids 2, tank mixing 2, bottling 3,
 * flammable storage 2, quality laboratory 1, biocide regulation 1, labelling 1 (total 12). The
 * polish maker holds all but the laboratory and the biocide file: 10 / 12 = 83 %.
 */
const POLISH_MAKER_COVERS = [
  'Formulation de liquides',
  'Mélange en cuves',
  'Conditionnement en flacons',
  'Stockage de liquides inflammables (ICPE)',
  'Étiquetage',
];
const POLISH_MAKER_MISSES = ['Laboratoire de contrôle qualité', 'Mise sur le marché de biocides (TP1, déclaration)'];
/*
 * Inputs and their local suppliers: rectified ethanol (CPV 24322510) from the Cognac distillery
 * (400 000 L a year); 500 mL bottles (39225730) and pumps (44618300) from the Touvre bottle blower.
 */
const INPUT_SUPPLIERS = [
  { node: 'supplier:demo-firm-16-distillerie-marcs', name: 'Distillerie des Marcs de Cognac', input: 'Éthanol' },
  { node: 'supplier:demo-firm-16-plastiques-touvre', name: 'Plastiques Soufflés de la Touvre', input: 'Flacon' },
];
/*
 * Lots by delivery site. Each lot can be answered by two local firms on their own: the polish
 * maker (25 000 L of convertible capacity, 500 km radius) and the hygiene wholesaler (sells gel,
 * 20 000 L free, 150 km); the whole 32 000 L exceeds both, so one single lot would shut them out.
 *   Angoulême:    6 500 + 2 200 + 3 800 = 12 500 L, 44 200 + 16 280 + 26 410 = 86 890 €
 *   Cognac:       1 500 L, 11 850 €
 *   Saint-Michel: 18 000 L, 93 600 €
 */
const LOTS = [
  { label: 'Angoulême — tous produits', volume: '12 500 L', amount: '86 890 €' },
  { label: 'Cognac — tous produits', volume: '1 500 L', amount: '11 850 €' },
  { label: 'Saint-Michel — tous produits', volume: '18 000 L', amount: '93 600 €' },
];
const LOCAL_FIRMS = [POLISH_MAKER, 'Hygiène Services Charente'];
/*
 * The gel is a TP1 biocide (Règlement (UE) n° 528/2012): the polish maker cannot answer alone without the
 * biocide declaration and batch quality control; with the quality laboratory (laboratory + biocide file) it
 * covers the 7 competences of 7 and every prerequisite, and answers each lot as a joint bid (R2142-19).
 */
const JOINT_BID = 'Cirages et Cires de l’Angoumois + Laboratoire Charente Qualité (groupement)';
/** dd/mm/yyyy of an ISO date moved by `days`, written independently of the application's formatter. */
const frenchDateBefore = (iso: string, days: number) => {
  const d = new Date(Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, day] = d.split('-');
  return `${day}/${m}/${y}`;
};

/*
 * The gel calendar, from the seed contract rows (current period ends, first day of the month, from today):
 * GrandAngoulême in 8 months (16 280 €), the city in 10 (44 200 €), the hospital in 15 (93 600 €), the
 * Département in 21 (26 410 €); Cognac has no contract (11 850 €). Half of 192 340 € (96 170 €) can enter only
 * when the hospital can leave its contract → the one procedure starts then, not two months before. The city's
 * contract ends earlier and its next end is a year later: a bridge covers the gap. The Département enters when
 * its own contract ends (entrée différée). The hospital, largest share and current contract, coordinates; it has
 * no CAO and 4 of the 5 members are local authorities: the groupement's CAO must be instituted (L1414-3 I).
 */
const GEL_START = firstOfMonthIn(15);
const DEPARTEMENT_ENTRY = firstOfMonthIn(21);

const app = setUpWebApp({ setupTimeoutMs: FLOW_TIMEOUT_MS, stepTimeoutMs: STEP_TIMEOUT_MS });

const newPage = () => app.newPage({ acceptDownloads: true });

/** The text of a downloaded PDF, read back by poppler's pdftotext, whitespace and French spaces normalised. */
function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })
    .replace(/[\u202f\u00a0]/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Normalises the narrow and plain no-break spaces of French number formatting. */
/** What the polish maker tells the facilitator when declaring its interest. */
const COMMENT = 'Production dans notre atelier de Saint-Michel, premières livraisons trois mois après la commande.';
const plain = (text: string | null) => (text ?? '').replace(/[\u202f\u00a0]/g, ' ');

describe('the Charente story, from a gel opportunity to a local firm’s interest', () => {
  test(
    'the hospital, the facilitator, the public and the polish maker take the gel from opportunity to declared interest',
    async () => {
      // 1. The hospital's pharmacist finds her gel need in the census.
      const pharmacist = await newPage();
      await logIn(pharmacist, app.server.baseUrl, PHARMACIST);
      await pharmacist.getByRole('link', { name: 'Mes besoins' }).click();
      const gelNeed = pharmacist
        .getByRole('table', { name: 'Besoins recensés' })
        .getByRole('row')
        .filter({ hasText: 'Gel hydro-alcoolique' });
      await gelNeed.waitFor();
      expect(plain(await gelNeed.textContent())).toMatch(/18 000 L.*5,20 €.*93 600,00 €/);
      await pharmacist.close();

      // 2. The facilitator starts from an empty dashboard (no groupement yet), which says what to do,
      // then opens the gel opportunity: the city and the hospital among its five members.
      const facilitator = await newPage();
      await logIn(facilitator, app.server.baseUrl, FACILITATOR);
      await facilitator.getByRole('link', { name: 'Tableau de bord', exact: true }).click();
      await facilitator.getByRole('heading', { name: 'Aucun groupement pour l’instant' }).waitFor();
      expect(await facilitator.locator('.recharts-surface').count()).toBe(0);
      await captureFullPage(facilitator, join(SCREENSHOTS, 'dashboard-empty.png'));
      await facilitator.getByRole('link', { name: 'Opportunités', exact: true }).click();
      const list = facilitator.getByRole('table', { name: 'Opportunités de groupement' });
      const gelRow = list.getByRole('row').filter({ has: facilitator.getByRole('link', { name: GEL, exact: true }) });
      await gelRow.waitFor();
      expect(plain(await gelRow.textContent())).toMatch(/5 membres.*192 340 €/);
      await gelRow.getByRole('link', { name: GEL, exact: true }).click();
      const members = facilitator.getByRole('table', { name: 'Membres du groupement' });
      await members.waitFor();
      expect(await members.locator('tbody tr').count()).toBe(5);
      // Shares of 192 340 €: hospital 93 600 € = 48,66 % (shown 48,7 %), city 44 200 € = 22,98 % (shown 23 %).
      expect(plain(await members.getByRole('row').filter({ hasText: HOSPITAL }).textContent())).toMatch(/48,7 %.*93 600 €/);
      expect(plain(await members.getByRole('row').filter({ hasText: CITY }).textContent())).toMatch(/23 %.*44 200 €/);
      expect(plain(await facilitator.getByText(/Quantités harmonisées/).textContent())).toContain('32 000 L');
      const start = plain(await facilitator.getByText('Démarrage proposé', { exact: true }).locator('..').textContent());
      expect(start).toContain(longFrenchDate(GEL_START));
      expect(plain(await members.getByRole('row').filter({ hasText: HOSPITAL }).textContent())).toMatch(
        new RegExp(`Au démarrage\\s*le ${longFrenchDate(GEL_START)}`),
      );
      expect(plain(await members.getByRole('row').filter({ hasText: 'Département de la Charente' }).textContent())).toMatch(
        new RegExp(`Entrée différée\\s*le ${longFrenchDate(DEPARTEMENT_ENTRY)}`),
      );
      const actions = plain(
        await facilitator.getByRole('heading', { name: 'Actions à mener par chaque membre' }).locator('..').textContent(),
      );
      // 44 200 € × ~152 days / 365 ≈ 18 400 €, above 10 % of its 176 800 € contract: a bridge contract, not an amendment.
      expect(actions).toMatch(
        new RegExp(
          `Marché relais de 5 mois pour la ${CITY} \\(du .* au .*, à la suite de AC-16-ANGOULEME-GHA-\\d{4}\\), environ [\\d ]+ € HT`,
        ),
      );
      const coordinator = plain(await facilitator.getByRole('heading', { name: 'Coordonnateur proposé' }).locator('..').textContent());
      expect(coordinator).toContain(HOSPITAL);
      const cao = plain(await facilitator.getByTestId('tender-commission').textContent());
      expect(cao).toContain('Commission d’appel d’offres du groupement (CGCT L1414-3 I)');
      expect(cao).toContain('4 membres sur 5 sont des collectivités territoriales');
      // The crisis context: the facilitator marks the need urgent; urgence impérieuse (R2122-1) covers only what
      // the crisis requires, never the recurring pooled 32 000 L.
      await facilitator.getByRole('switch', { name: /Besoin urgent/ }).click({ force: true });
      const urgency = facilitator.getByTestId('urgency');
      await urgency.waitFor();
      const urgencyText = plain(await urgency.textContent());
      expect(urgencyText).toContain('qu’il ne pouvait pas prévoir');
      expect(urgencyText).toContain('(32 000 L par an)');
      // The mark is stored on the opportunity: coming back later, the explanation shows from it.
      await facilitator.reload();
      await facilitator.getByTestId('urgency').waitFor();
      expect(await facilitator.getByRole('switch', { name: /Besoin urgent/ }).isChecked()).toBe(true);

      // 3. Local sourcing: the polish maker could make the gel; the distillery and the bottle blower supply inputs.
      await facilitator.getByRole('link', { name: 'Sourcing local' }).click();
      await facilitator.getByRole('img', { name: 'Graphe de la filière locale' }).waitFor();
      const producers = facilitator.getByRole('table', { name: 'Producteurs potentiels' });
      const polishRow = producers.getByRole('row').filter({ hasText: POLISH_MAKER });
      const cells = polishRow.getByRole('cell');
      for (const competence of POLISH_MAKER_COVERS) expect(await cells.nth(1).getByText(competence, { exact: true }).count()).toBe(1);
      for (const competence of POLISH_MAKER_MISSES) expect(await cells.nth(2).getByText(competence, { exact: true }).count()).toBe(1);
      expect(await cells.nth(3).textContent()).toBe('83 %');
      for (const supplier of INPUT_SUPPLIERS) {
        await facilitator.locator(`[data-node="${supplier.node}"]`).hover();
        // The explanation under the graph (the SVG <title> repeats it for mouse users).
        const explanation = facilitator.getByRole('paragraph').filter({ hasText: new RegExp(`^${supplier.name} peut fournir`) });
        await explanation.first().waitFor();
        expect(await explanation.allTextContents()).toContainEqual(expect.stringContaining(`« ${supplier.input}`));
      }
      await facilitator.locator('[data-node="producer:demo-firm-16-cirages-angoumois"]').hover();
      const polishExplanation = facilitator.getByRole('paragraph').filter({ hasText: `${POLISH_MAKER} couvre 5 compétences sur 7` });
      await expect.poll(() => polishExplanation.count(), POLL).toBe(1);
      // Its convertible litre line: 25 000 L a year, 78 % of the pooled 32 000 L.
      expect(plain(await polishExplanation.textContent())).toContain('Capacité estimée 25 000 L/an, soit 78 % du volume groupé');
      // Blocking prerequisites: the polish maker lacks the biocide declaration and the quality control.
      expect(
        await cells.nth(4).getByText('Déclaration du produit biocide TP1 avant sa mise sur le marché (inventaire Simmbad)').count(),
      ).toBe(1);
      expect(plain(await facilitator.getByRole('list', { name: 'Candidatures groupées proposées' }).textContent())).toContain(
        `${JOINT_BID} : 7 compétences sur 7`,
      );
      // The checklist dates each step back from the proposed start: biocide declaration 90 days, ICPE 150 days.
      const checklist = facilitator.getByRole('table', { name: 'Autorisations à obtenir' });
      const biocide = plain(await checklist.getByRole('row').filter({ hasText: 'Déclaration du produit biocide' }).textContent());
      expect(biocide).toContain('Simmbad');
      expect(biocide).toContain(frenchDateBefore(GEL_START, 90));
      expect(biocide).toContain('à obtenir');
      expect(biocide).toContain('Peut le préparer : Laboratoire Charente Qualité');
      const icpe = plain(await checklist.getByRole('row').filter({ hasText: 'rubrique 4331' }).first().textContent());
      expect(icpe).toContain(frenchDateBefore(GEL_START, 150));
      expect(icpe).toContain('acquis');
      await captureFullPage(facilitator, join(SCREENSHOTS, 'supply-chain.png'));

      // 4. The lot designer: the frontier and three lots, each open to two local firms.
      await facilitator.getByRole('link', { name: 'Concevoir les lots →' }).click();
      const lots = facilitator.getByRole('table', { name: 'Lots du découpage' });
      await lots.waitFor();
      await facilitator
        .getByRole('img', { name: /Frontière économies/ })
        .or(facilitator.getByLabel(/Frontière économies/))
        .first()
        .waitFor();
      expect(await lots.locator('tbody tr').count()).toBe(LOTS.length);
      for (const lot of LOTS) {
        const row = plain(await lots.getByRole('row').filter({ hasText: lot.label }).textContent());
        expect(row).toContain(lot.volume);
        expect(row).toContain(lot.amount);
        expect(row).toContain('2 éligibles');
        for (const firm of LOCAL_FIRMS) expect(row).toContain(firm);
        expect(row).toContain(JOINT_BID);
        expect(row).toContain('Sécurité');
      }
      // The facilitator weighs supply security at 10 %, taken from price: Saint-Michel's 93 600 € lot may then cost
      // up to 10 / (50 − 10) = 25 % more, 23 400 € a year, for an offer full on security.
      const security = facilitator.getByRole('slider', { name: /Poids de la sécurité/ });
      await security.focus();
      await security.press('ArrowRight');
      await security.press('ArrowRight');
      const criteria = facilitator.getByRole('table', { name: 'Critères et capacité par lot' });
      const stMichel = criteria.getByRole('row').filter({ hasText: 'Saint-Michel — tous produits' });
      // Each key press re-weighs the lots: the row shows security from the first press (5 %), so wait
      // for the weights of the second one before reading it.
      await expect.poll(async () => plain(await stMichel.textContent()), POLL).toContain('Prix : 50 %');
      const stMichelText = plain(await stMichel.textContent());
      expect(stMichelText).toContain('Sécurité d’approvisionnement');
      expect(stMichelText).toContain('Performance environnementale');
      expect(stMichelText).toContain('23 400 €');
      expect(stMichelText).toContain('Plafond');
      expect(plain(await facilitator.getByText(/Loi Climat et résilience \(art\. 35\)/).textContent())).toContain(
        'un critère d’attribution environnemental (L2152-7)',
      );
      expect(await facilitator.getByRole('link', { name: /Trame de consultation/ }).getAttribute('href')).toContain('consultation.docx');
      expect(plain(await facilitator.getByText(/^Découpage recommandé/).textContent())).toMatch(/3 lots.*100 % du volume accessible/);
      // One opportunity, one figure (docs/savings-model.md), by hand: 32 000 L pooled = 2.64067 × the typical member's
      // volume (32 000² / Σq² = 32 000² / 387 780 000); gel b = 0.05 → factor 0.952608; everyone harmonised to the
      // hospital's 5,20 €/L (25th percentile and minimum): 4,953562 €/L after the volume effect. Per member, capped at
      // 15 % of its amount: city 6 500 × 1,846438 = 12 001,85 € → 6 630 €; hospital 18 000 × 0,246438 = 4 435,88 €;
      // GrandAngoulême 5 382,16 € → 2 442 €; Département 7 586,46 € → 3 961,50 €; Cognac 4 419,66 € → 1 777,50 €:
      // 19 246,88 €. Procedures: the city, GrandAngoulême and the Département avoid one each (Cognac, under the
      // dispense threshold, none), each alone a procédure adaptée at its published direct cost of 3 162 € (19 agent-days,
      // core/src/savings/procedure-costs.ts), less coordination: (3 × 3 162 − 1 500) € over 48 months = 1 996,50 € a year.
      // 19 246,88 + 1 996,50 = 21 243,38 € → 21 243 €; three lots still reach the published cap, so the same figure.
      const lotsSavings = plain(await facilitator.getByTestId('lots-savings').textContent());
      expect(lotsSavings).toContain('Estimation de l’opportunité : 21 243 € par an');
      expect(lotsSavings).toContain('21 243 € par an, comme l’opportunité');
      await facilitator.locator('.leaflet-interactive').first().waitFor();
      await captureFullPage(facilitator, join(SCREENSHOTS, 'lots.png'));

      // 5. The facilitator publishes the forecast, dates typed the French way.
      await facilitator.getByRole('button', { name: 'Publier la prévision' }).click();
      const dialog = facilitator.getByRole('dialog', { name: 'Publier la prévision de consultation' });
      await dialog.getByLabel('Intitulé').fill(TITLE);
      await dialog.getByLabel('Lancement prévu').fill('01/02/2027');
      await dialog.getByLabel('Début d’exécution prévu').fill('01/07/2027');
      await dialog.getByLabel('Intitulé').click();
      expect(await dialog.getByLabel('Lancement prévu').inputValue()).toBe('01/02/2027');
      // The date picker fades out once the focus leaves its field: the picture waits until it is gone.
      await expect.poll(() => facilitator.locator('[data-dates-dropdown]:visible').count(), POLL).toBe(0);
      await facilitator.screenshot({ path: join(SCREENSHOTS, 'publish-forecast.png') });
      await dialog.getByRole('button', { name: 'Publier' }).click();
      const consultation = facilitator.getByRole('region', { name: `Consultation ${TITLE}` });
      await consultation.waitFor();
      expect(plain(await consultation.textContent())).toMatch(/1er février 2027|01\/02\/2027|février 2027/);

      // 6. Anyone reads it on the public page, without an account.
      const visitor = await newPage();
      await visitor.goto(`${app.server.baseUrl}/public/charente/previsions`);
      await visitor.getByRole('heading', { name: TITLE }).waitFor();
      expect(await visitor.getByRole('button', { name: 'Se connecter' }).count()).toBe(0);
      const publicText = plain(await visitor.getByRole('region', { name: `Consultation ${TITLE}` }).textContent());
      for (const lot of LOTS) expect(publicText).toContain(lot.label);
      // Volumes and dates only: no member's price reaches the public page (the hospital pays 5,20 €/L).
      expect(publicText).not.toContain('5,20');
      expect(publicText).not.toContain(HOSPITAL);
      await captureFullPage(visitor, join(SCREENSHOTS, 'forecast.png'));
      await visitor.close();

      // 7. The polish maker declares its interest for the hospital's lot, within its 25 000 L.
      const supplier = await newPage();
      await logIn(supplier, app.server.baseUrl, SUPPLIER);
      await supplier.getByRole('link', { name: 'Prévisions' }).click();
      const card = supplier.getByRole('region', { name: `Consultation ${TITLE}` });
      await card.getByRole('textbox', { name: 'Lot' }).click();
      await supplier.getByRole('option', { name: 'Saint-Michel — tous produits' }).click();
      // Clicking the chosen lot again keeps it (it used to empty the field and disable the button).
      await card.getByRole('textbox', { name: 'Lot' }).click();
      await supplier.getByRole('option', { name: 'Saint-Michel — tous produits' }).click();
      expect(await card.getByRole('textbox', { name: 'Lot' }).inputValue()).toBe('Saint-Michel — tous produits');
      await card.getByLabel(/Capacité annuelle/).fill('20000');
      await card.getByLabel(/Commentaire pour l’animateur/).fill(COMMENT);
      await card.getByRole('button', { name: 'Déclarer mon intérêt' }).click();
      // 20 000 L ≥ the lot's 18 000 L: the firm reads that it is eligible, and why.
      const declarations = card.getByText('Vos déclarations').locator('..').locator('..');
      await expect
        .poll(async () => plain(await declarations.textContent()), POLL)
        .toContain('Éligible : la capacité déclarée (20 000 L par an) couvre le volume du lot (18 000 L par an).');
      await waitForToastsGone(supplier);
      await captureFullPage(supplier, join(SCREENSHOTS, 'forecast-supplier.png'));
      await supplier.close();

      // 8. The facilitator sees the declaration on the forecast and in the contact log.
      // Publishing left the facilitator on the forecast page; coming back to it later reloads it.
      await facilitator.reload();
      const interests = facilitator.getByRole('table', { name: `Déclarations d’intérêt pour ${TITLE}` });
      await interests.waitFor();
      const interest = plain(await interests.getByRole('row').filter({ hasText: POLISH_MAKER }).textContent());
      expect(interest).toContain('Saint-Michel — tous produits');
      expect(interest).toContain('20 000 L');
      expect(interest).toContain('Éligible : la capacité déclarée (20 000 L par an)');
      expect(interest).toContain(COMMENT);
      await captureFullPage(facilitator, join(SCREENSHOTS, 'forecast-facilitator.png'));
      await facilitator.getByRole('link', { name: 'Entreprises', exact: true }).click();
      const contacts = facilitator.getByRole('table', { name: 'Journal des contacts' });
      await contacts.waitFor();
      const contact = plain(await contacts.getByRole('row').filter({ hasText: POLISH_MAKER }).textContent());
      expect(contact).toContain('Plateforme Mutualis');
      expect(contact).toContain(`Déclaration d’intérêt : ${TITLE} — Saint-Michel — tous produits`);
      await captureFullPage(facilitator, join(SCREENSHOTS, 'firms.png'));

      // 9. The facilitator creates the gel groupement: one assembly pack per member, each with its standing
      // (4 local authorities deliberate; the hospital, a public buyer that is not one, decides by its competent body).
      await facilitator.getByRole('link', { name: 'Opportunités', exact: true }).click();
      await list.getByRole('link', { name: GEL, exact: true }).click();
      await facilitator.getByRole('button', { name: 'Créer le groupement' }).click();
      const create = facilitator.getByRole('dialog', { name: 'Créer le groupement de commandes' });
      await create.getByRole('button', { name: 'Créer', exact: true }).click();
      await facilitator.getByRole('heading', { name: 'Cycle de vie du groupement' }).waitFor();
      expect(await facilitator.getByRole('link', { name: /^Dossier d’assemblée de .* \(PDF\)$/ }).count()).toBe(5);
      expect(plain(await facilitator.getByLabel(`Dossier d’assemblée de ${HOSPITAL}`, { exact: true }).textContent())).toContain(
        'projet de décision',
      );
      expect(plain(await facilitator.getByLabel(`Dossier d’assemblée de ${CITY}`, { exact: true }).textContent())).toContain(
        'projet de délibération',
      );
      await waitForToastsGone(facilitator);
      await captureFullPage(facilitator, join(SCREENSHOTS, 'groupement-packs.png'));

      // 9b. A private member (L2113-6): the industrial bottler pools its work gloves with the city of Cognac
      // (packages/core/src/demo/charente.ts: 9 000 pairs × 2,65 € = 23 850 €, and 1 200 × 3,10 € = 3 720 €).
      await facilitator.getByRole('link', { name: 'Opportunités', exact: true }).click();
      const PPE = 'Équipements de protection individuelle et gants de travail';
      const ppeRow = list.getByRole('row').filter({ has: facilitator.getByRole('link', { name: PPE, exact: true }) });
      expect(plain(await ppeRow.textContent())).toMatch(/2 membres.*27 570 €/);
      await ppeRow.getByRole('link', { name: PPE, exact: true }).click();
      await facilitator.getByRole('button', { name: 'Créer le groupement' }).click();
      await create.getByRole('button', { name: 'Créer', exact: true }).click();
      await facilitator.getByRole('heading', { name: 'Cycle de vie du groupement' }).waitFor();
      const privatePack = plain(
        await facilitator.getByLabel('Dossier d’assemblée de Embouteillage des Charentes', { exact: true }).textContent(),
      );
      expect(privatePack).toContain('Membre privé (L2113-6)');
      expect(privatePack).toContain('projet de décision de son organe compétent');
      await waitForToastsGone(facilitator);
      await captureFullPage(facilitator, join(SCREENSHOTS, 'groupement-private-member.png'));
      await facilitator.close();

      // 10. The city's buyer downloads her own pack (PDF) for the municipal council and reads it: her figures only.
      const city = await newPage();
      await logIn(city, app.server.baseUrl, CITY_BUYER);
      await city.getByRole('link', { name: 'Groupements', exact: true }).click();
      await city.getByRole('link', { name: /Gel et solution hydro-alcoolique/ }).click();
      await city.getByRole('heading', { name: 'Cycle de vie du groupement' }).waitFor();
      // A member that does not coordinate gets its own pack only.
      expect(await city.getByRole('link', { name: /^Dossier d’assemblée de .* \(PDF\)$/ }).count()).toBe(1);
      const [packDownload] = await Promise.all([
        city.waitForEvent('download'),
        city.getByRole('link', { name: `Dossier d’assemblée de ${CITY} (PDF)` }).click(),
      ]);
      const packPath = join(mkdtempSync(join(tmpdir(), 'mutualis-pack-')), 'pack.pdf');
      await packDownload.saveAs(packPath);
      const pack = pdfText(packPath);
      // The PDF sets its part titles in capitals.
      for (const title of ['NOTE DE PRÉSENTATION', 'PROJET DE DÉLIBÉRATION', 'ANNEXES À LA CONVENTION CONSTITUTIVE'])
        expect(pack).toContain(title);
      // Her own gel row: 6 500 L × 6,80 € = 44 200 € a year; the hospital's 93 600 € (its price) never appears.
      expect(pack).toContain('44 200 € HT');
      expect(pack).not.toContain('93 600');
      expect(pack).not.toContain('5,20');
      expect(pack).toContain(`Accepte la désignation de ${HOSPITAL} comme coordonnateur du groupement`);
      // 4 of the 5 members are local authorities: the groupement's own CAO (L1414-3 I), in annex 2.
      expect(pack).toContain(
        'Annexe 2 — Composition de la commission d’appel d’offres 4 membres sur 5 sont des collectivités territoriales',
      );
      await city.close();
    },
    FLOW_TIMEOUT_MS,
  );
});
