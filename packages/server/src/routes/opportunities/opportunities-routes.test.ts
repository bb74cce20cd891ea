import type { Organization } from '@mutualis/core';
import { beforeAll, expect, it } from 'vitest';
import { buildNeed, buildOrganization, CPV } from '../../../../db/test/dialects';
import { describeApp, fieldsOf, numbersIn } from '../../../test/test-app';

interface Summary {
  id: string;
  family: { key: string };
  members: { organizationId: string; share: number | null; annualAmountCents: number | null }[];
  annualAmountCents: number;
  pricesHidden: boolean;
  poolability: { tier: string; isRare: boolean; reason: string };
}

describeApp(
  'opportunities routes',
  (t) => {
    const AT = '2026-12-01';
    const url = (path = '') => `/api/territories/${t.world.territoryA.slug}/opportunities${path}`;
    const salt = encodeURIComponent('famille:fam-salt@territoire');
    const paper = encodeURIComponent('famille:fam-paper@territoire');
    const gloves = encodeURIComponent('famille:fam-ppe-gloves@territoire');
    const roadWorks = 'cpv:class:45230000@territoire';
    // As `explainDecpProvenance` writes them: a duration line, then the line quoting amounts.
    const AMENDED = [
      'Durée portée de 12 à 24 mois par la modification n° 1 du 3 mars 2025 (modifications[0]) : fin au 1er février 2027 au lieu du 1er février 2026.',
      'Montant HT porté de 48 000,00 € à 96 000,00 € par la modification n° 1 du 3 mars 2025 (modifications[0]).',
    ];
    let buyerA3: Organization;
    let buyerA4: Organization;

    // Territory A: salt (A1, A2 from the world), paper (A1, A2, A3), gloves (A2, A3 — not the member's A1; A4 only proposed).
    beforeAll(async () => {
      buyerA3 = await t.repos.organizations.insert(buildOrganization());
      await t.repos.memberships.add(t.world.territoryA.id, buyerA3.id);
      const paperNeed = {
        cpvCode: CPV.paper,
        label: 'Ramettes A4',
        quantity: 500,
        unit: 'ream' as const,
        unitPriceCents: 400,
        annualAmountCents: 200_000,
      };
      for (const organization of [t.world.buyerA1, t.world.buyerA2, buyerA3])
        await t.repos.needs.insert(buildNeed({ ...paperNeed, organizationId: organization.id }));
      const glovesNeed = {
        cpvCode: CPV.gloves,
        label: 'Gants de travail',
        quantity: 1_000,
        unit: 'pair' as const,
        unitPriceCents: 350,
        annualAmountCents: 350_000,
      };
      for (const organization of [t.world.buyerA2, buyerA3])
        await t.repos.needs.insert(buildNeed({ organizationId: organization.id, ...glovesNeed }));
      buyerA4 = await t.repos.organizations.insert(buildOrganization());
      await t.repos.memberships.add(t.world.territoryA.id, buyerA4.id);
      await t.repos.needs.insert(
        buildNeed({ organizationId: buyerA4.id, ...glovesNeed, annualAmountCents: 120_000, quantity: 400, status: 'proposed' }),
      );
      // Both paper contracts of the world explained as amended DECP contracts (before any analysis is cached).
      for (const contract of [t.world.contractA1, t.world.contractA2])
        await t.repos.runningContracts.update(contract.id, { decpProvenance: AMENDED });
      // Road works of A2 and A3: the largest amount of the territory, but site-specific works.
      for (const organization of [t.world.buyerA2, buyerA3])
        await t.repos.needs.insert(
          buildNeed({ organizationId: organization.id, cpvCode: '45233140', label: 'Réfection de voirie', annualAmountCents: 5_000_000 }),
        );
    });

    it('hides rarely pooled works by default behind a count, and lists them last on request with the reason', async () => {
      const byDefault = (await t.as('facilitator').get(url(`?at=${AT}`))).json();
      expect(byDefault.items.map((o: Summary) => o.id)).not.toContain(roadWorks);
      expect([byDefault.total, byDefault.rareCount]).toEqual([3, 1]);
      const all = await t.as('facilitator').get(url(`?at=${AT}&includeRare=true`));
      expect(all.statusCode).toBe(200);
      const items = all.json().items as Summary[];
      expect(all.json().total).toBe(4);
      expect(items.at(-1)?.id).toBe(roadWorks);
      expect(items.at(-1)?.poolability).toMatchObject({ tier: 'rare', isRare: true });
      expect(items.at(-1)?.poolability.reason).toMatch(/^Rarement mutualisé, masqué par défaut : travaux liés à un site/);
      // Sorted by amount alone, the works come first.
      const byAmount = (await t.as('facilitator').get(url(`?at=${AT}&includeRare=true&sort=amount`))).json();
      expect(byAmount.items[0].id).toBe(roadWorks);
    });

    it('ranks the family real buyers already pool first: paper (class 3019) before salt and gloves', async () => {
      // Then by amount: salt 1 140 000 + 1 068 000 = 2 208 000 (the world's needs) > gloves 2 × 350 000.
      const items = (await t.as('observer').get(url(`?at=${AT}`))).json().items as Summary[];
      expect(items.map((o) => [o.family.key, o.poolability.tier])).toEqual([
        ['famille:fam-paper', 'proven'],
        ['famille:fam-salt', 'recurring'],
        ['famille:fam-ppe-gloves', 'recurring'],
      ]);
      expect(items[0]?.poolability.reason).toMatch(/^Classée en tête : famille que d’autres acheteurs publics mutualisent déjà\./);
    });

    it('refuses an includeRare that is not a boolean, naming the field', async () => {
      const response = await t.as('facilitator').get(url('?includeRare=peut-etre'));
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['includeRare']);
    });

    it('counts for a member only the rarely pooled opportunities its organization is in', async () => {
      // A1 has no road-works need: nothing hidden for it.
      expect((await t.as('member').get(url(`?at=${AT}`))).json().rareCount).toBe(0);
    });

    it('ranks every opportunity of the territory for a facilitator, with each member’s share and the pooled amount', async () => {
      const response = await t.as('facilitator').get(url(`?at=${AT}`));
      expect(response.statusCode).toBe(200);
      const body = response.json() as { items: Summary[]; total: number; now: string; coordinatorLoads: unknown[] };
      expect(body.now).toBe(AT);
      expect(body.items.map((o) => o.family.key).sort()).toEqual(['famille:fam-paper', 'famille:fam-ppe-gloves', 'famille:fam-salt']);
      const saltOpportunity = body.items.find((o) => o.family.key === 'famille:fam-salt');
      expect(saltOpportunity?.annualAmountCents).toBe(t.world.needA1.annualAmountCents + t.world.needA2.annualAmountCents);
      expect(saltOpportunity?.members.every((m) => m.share !== null && m.annualAmountCents !== null)).toBe(true);
      expect(body.coordinatorLoads.length).toBeGreaterThan(0);
    });

    it('paginates and sorts the list by start date', async () => {
      const response = await t.as('observer').get(url(`?at=${AT}&sort=startDate&limit=1&offset=1`));
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(response.json().items).toHaveLength(1);
    });

    it('shows a member only the opportunities of its organization, without another member’s share, amount or unit price', async () => {
      const response = await t.as('member').get(url(`?at=${AT}`));
      expect(response.statusCode).toBe(200);
      const items = response.json().items as Summary[];
      expect(items.map((o) => o.family.key).sort()).toEqual(['famille:fam-paper', 'famille:fam-salt']);
      for (const o of items) {
        expect(o.pricesHidden).toBe(true);
        for (const m of o.members.filter((x) => x.organizationId !== t.world.buyerA1.id)) expect(m.share).toBeNull();
      }
      // Paper: A2 and A3 contribute besides A1, so the pooled amount (3 × 200 000) and A1's own share (1/3) show.
      const paperSummary = items.find((o) => o.family.key === 'famille:fam-paper');
      expect(paperSummary?.annualAmountCents).toBe(600_000);
      expect(paperSummary?.members.find((m) => m.organizationId === t.world.buyerA1.id)?.share).toBeCloseTo(1 / 3, 10);
      // Salt: A2 alone besides A1, so total − own would be A2's amount: no total, no exact share.
      const saltSummary = items.find((o) => o.family.key === 'famille:fam-salt');
      expect(saltSummary?.annualAmountCents).toBeNull();
      expect(saltSummary?.members.every((m) => m.share === null)).toBe(true);
      expect(numbersIn(response)).not.toContain(t.world.needA2.annualAmountCents);
      expect(numbersIn(response)).not.toContain(t.world.needA2.unitPriceCents);
    });

    it('details an opportunity with its calendar, schedule, procedure articles, savings provenance and the members’ running contracts', async () => {
      const response = await t.as('facilitator').get(url(`/${paper}?at=${AT}`));
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.calendar.members).toHaveLength(3);
      expect(body.calendar.schedule.map((s: { step: string }) => s.step)).toContain('consultation_launch');
      expect(body.procedureDetail.articles).toContain('R2121-1');
      expect(body.savingsDetail.caveat).toMatch(/indicative/);
      expect(body.savingsDetail.elasticity.provenance.length).toBeGreaterThan(0);
      expect(body.savingsDetail.members).toHaveLength(3);
      expect(body.runningContracts.map((c: { id: string }) => c.id).sort()).toEqual([t.world.contractA1.id, t.world.contractA2.id].sort());
    });

    it('keeps another member’s per-member savings, actions and contract amount out of a member’s detail', async () => {
      const response = await t.as('member').get(url(`/${paper}?at=${AT}`));
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.savingsDetail.members.map((m: { organizationId: string }) => m.organizationId)).toEqual([t.world.buyerA1.id]);
      const amounts = Object.fromEntries(
        body.runningContracts.map((c: { organizationId: string; amountCents: number | null }) => [c.organizationId, c.amountCents]),
      );
      expect(amounts).toEqual({ [t.world.buyerA1.id]: t.world.contractA1.amountCents, [t.world.buyerA2.id]: null });
      const others = body.calendar.members.filter((m: { organizationId: string }) => m.organizationId !== t.world.buyerA1.id);
      expect(others.every((m: { actions: string[] }) => m.actions.length === 0)).toBe(true);
    });

    it('explains each running contract’s amended dates, without the amount line of another member’s contract', async () => {
      const provenance = async (role: 'facilitator' | 'member') => {
        const body = (await t.as(role).get(url(`/${paper}?at=${AT}`))).json();
        return Object.fromEntries(
          body.runningContracts.map((c: { organizationId: string; decpProvenance: string[] }) => [c.organizationId, c.decpProvenance]),
        );
      };
      expect(await provenance('facilitator')).toEqual({ [t.world.buyerA1.id]: AMENDED, [t.world.buyerA2.id]: AMENDED });
      expect(await provenance('member')).toEqual({ [t.world.buyerA1.id]: AMENDED, [t.world.buyerA2.id]: [AMENDED[0]] });
    });

    it('forbids a member the detail and the simulation of an opportunity its organization is not in', async () => {
      expect((await t.as('member').get(url(`/${gloves}?at=${AT}`))).statusCode).toBe(403);
      expect((await t.as('member').post(url(`/${gloves}/scenario?at=${AT}`), { leave: [buyerA3.id] })).statusCode).toBe(403);
    });

    it('answers 404 for an opportunity that does not exist at that date', async () => {
      expect((await t.as('facilitator').get(url(`/${encodeURIComponent('famille:inconnue@territoire')}?at=${AT}`))).statusCode).toBe(404);
    });

    it('refuses a date that does not exist and an unknown family level, naming the field', async () => {
      const badDate = await t.as('facilitator').get(url('?at=2026-02-30'));
      expect(badDate.statusCode).toBe(400);
      expect(fieldsOf(badDate)).toEqual(['at']);
      const badLevel = await t.as('facilitator').get(url(`/${salt}?level=famille`));
      expect(badLevel.statusCode).toBe(400);
      expect(fieldsOf(badLevel)).toEqual(['level']);
    });

    it('forbids a supplier, and hides the territory from another territory’s facilitator', async () => {
      expect((await t.as('supplier').get(url())).statusCode).toBe(403);
      expect((await t.as('otherFacilitator').get(url())).statusCode).toBe(404);
    });

    it('lowers the pooled amount by the leaver’s amount when a member leaves, and stores nothing', async () => {
      const response = await t.as('facilitator').post(url(`/${paper}/scenario?at=${AT}`), { leave: [buyerA3.id] });
      expect(response.statusCode).toBe(200);
      const { base, scenario, diff } = response.json();
      expect(diff.annualAmountCents).toBe(-200_000);
      expect(scenario.annualAmountCents).toBeLessThan(base.annualAmountCents);
      expect(diff.removedMemberIds).toEqual([buyerA3.id]);
      expect(diff.savings.central).toBeLessThanOrEqual(0);
      const after = await t.as('facilitator').get(url(`/${paper}?at=${AT}`));
      expect(after.json().members).toHaveLength(3);
    });

    it('asks for an amount to let join an organization with no need of the family, naming the entry', async () => {
      const response = await t.as('facilitator').post(url(`/${gloves}/scenario?at=${AT}`), { join: [t.world.buyerA1.id] });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['join.0.annualAmountCents']);
      const negative = await t
        .as('facilitator')
        .post(url(`/${gloves}/scenario?at=${AT}`), { join: [{ organizationId: t.world.buyerA1.id, annualAmountCents: -5 }] });
      expect(negative.statusCode).toBe(400);
    });

    it('lets an organization with no need of the family join with the amount the facilitator enters, and explains', async () => {
      const response = await t
        .as('facilitator')
        .post(url(`/${gloves}/scenario?at=${AT}`), { join: [{ organizationId: t.world.buyerA1.id, annualAmountCents: 250_000 }] });
      expect(response.statusCode, response.body).toBe(200);
      const { diff, explanation, scenario } = response.json();
      expect(diff.addedMemberIds).toEqual([t.world.buyerA1.id]);
      expect(diff.annualAmountCents).toBe(250_000);
      // The gloves needs state a unit price: the entered amount becomes a quantity at the largest need's price.
      expect(explanation[0]).toMatch(
        new RegExp(
          `^${t.world.buyerA1.name} rejoint le groupement avec 2 500 € par an \\(montant saisi pour la simulation, quantité estimée au prix unitaire de `,
        ),
      );
      expect(scenario.entries.map((e: { organizationId: string }) => e.organizationId)).toContain(t.world.buyerA1.id);
    });

    it('raises the pooled amount by the joiner’s amount when an organization with proposed needs joins', async () => {
      const asFacilitator = await t.as('facilitator').post(url(`/${gloves}/scenario?at=${AT}&confirmedOnly=true`), { join: [buyerA4.id] });
      expect(asFacilitator.statusCode, asFacilitator.body).toBe(200);
      const { diff, base } = asFacilitator.json();
      expect(base.memberIds).not.toContain(buyerA4.id);
      expect(diff.addedMemberIds).toEqual([buyerA4.id]);
      expect(diff.annualAmountCents).toBe(120_000);
    });

    it('never moves the start date earlier when a member postpones its entry', async () => {
      const response = await t
        .as('member')
        .post(url(`/${salt}/scenario?at=${AT}`), { postpone: [{ organizationId: t.world.buyerA2.id, months: 18 }] });
      expect(response.statusCode).toBe(200);
      expect(response.json().diff.startDate.shiftDays).toBeGreaterThanOrEqual(0);
      // Salt pools A1 with A2 alone: the member reads no pooled amount, not even an unchanged one.
      expect(response.json().diff.annualAmountCents).toBeNull();
      expect(response.json().withheld.code).toBe('too_few_others');
    });

    it('refuses an empty scenario, and forbids an observer to simulate', async () => {
      const empty = await t.as('facilitator').post(url(`/${salt}/scenario`), {});
      expect(empty.statusCode).toBe(400);
      expect(fieldsOf(empty)).toEqual(['join']);
      expect((await t.as('observer').post(url(`/${salt}/scenario`), { leave: [t.world.buyerA2.id] })).statusCode).toBe(403);
    });

    it('recomputes the list after a need is declared through the API (the cache is invalidated)', async () => {
      const before = await t.as('facilitator').get(url(`?at=${AT}`));
      const saltBefore = (before.json().items as Summary[]).find((o) => o.family.key === 'famille:fam-salt');
      const created = await t
        .as('facilitator')
        .post('/api/needs', { organizationId: buyerA3.id, cpvCode: CPV.deIcingSalt, label: 'Sel', annualAmountCents: 50_000 });
      expect(created.statusCode).toBe(201);
      const after = await t.as('facilitator').get(url(`?at=${AT}`));
      const saltAfter = (after.json().items as Summary[]).find((o) => o.family.key === 'famille:fam-salt');
      expect(saltAfter?.annualAmountCents).toBe((saltBefore?.annualAmountCents ?? 0) + 50_000);
      expect(saltAfter?.members.map((m) => m.organizationId)).toContain(buyerA3.id);
    });
  },
  { sqliteOnly: true },
);
