import type { RecipeDto } from '@mutualis/contract';
import { DEFAULT_RECIPES } from '@mutualis/core';
import { expect, it } from 'vitest';
import { describeApp, fieldsOf } from '../../../test/test-app';
import { buildRecipeBody } from '../forecast/local-capacity-matrix.fixture';

const SHIPPED = DEFAULT_RECIPES[0]?.id ?? '';

describeApp(
  'recipes routes',
  (t) => {
    const url = (suffix = '') => `/api/territories/${t.world.territoryA.slug}/recipes${suffix}`;
    const list = async () => (await t.as('facilitator').get(url())).json<{ items: RecipeDto[] }>().items;

    it('lists the shipped recipes for a territory that edited none', async () => {
      const items = await list();
      expect(items.map((r) => r.id)).toEqual(DEFAULT_RECIPES.map((r) => r.id));
      expect(items.every((r) => r.isShipped && !r.isEdited)).toBe(true);
    });

    it('edits a shipped recipe for this territory only, and restores it on delete', async () => {
      const edited = await t.as('facilitator').put(url(`/${SHIPPED}`), buildRecipeBody({ productCpvCode: '33741300', label: 'Gel local' }));
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json<RecipeDto>()).toMatchObject({ id: SHIPPED, label: 'Gel local', isShipped: true, isEdited: true });
      const other = await t.as('otherFacilitator').get(`/api/territories/${t.world.territoryB.slug}/recipes`);
      expect(other.json<{ items: RecipeDto[] }>().items.find((r) => r.id === SHIPPED)?.isEdited).toBe(false);
      expect((await t.as('facilitator').delete(url(`/${SHIPPED}`))).statusCode).toBe(204);
      expect((await list()).find((r) => r.id === SHIPPED)?.label).toBe(DEFAULT_RECIPES[0]?.label);
    });

    it('refuses to delete a shipped recipe that was not edited (409)', async () => {
      expect((await t.as('facilitator').delete(url(`/${SHIPPED}`))).statusCode).toBe(409);
    });

    it('adds a territory recipe and rejects one without provenance, naming the field', async () => {
      const created = await t.as('facilitator').post(url(), buildRecipeBody());
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json<RecipeDto>().isShipped).toBe(false);
      const bad = await t.as('facilitator').post(url(), buildRecipeBody({ provenance: ' ' }));
      expect([bad.statusCode, fieldsOf(bad)]).toEqual([400, ['provenance']]);
    });
  },
  { sqliteOnly: true },
);
