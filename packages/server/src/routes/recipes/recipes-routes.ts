import { recipeBodySchema, recipeListSchema, recipeParamsSchema, recipeSchema, slugParamsSchema } from '@mutualis/contract';
import { DomainError } from '@mutualis/core';
import { newId } from '@mutualis/db';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { policy } from '../../authz/access';
import { allowedTerritoryId } from '../../authz/install-access-control';
import { territoryFromParams } from '../../authz/scopes';
import { effectiveRecipes, isShippedRecipeId } from '../../local';
import type { RouteOptions } from '../register-api-routes';

/**
 * Recipes of a territory: the shipped ones (DEFAULT_RECIPES) and the facilitator's. Editing a
 * shipped recipe stores the territory's version under the same id; deleting it restores the default.
 */
export const recipesRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  const tags = ['recipes'];
  const listOf = async (territoryId: string) => effectiveRecipes(await ctx.repos.recipes.listForTerritory(territoryId));
  const find = async (territoryId: string, id: string) => {
    const recipe = (await listOf(territoryId)).find((r) => r.id === id);
    if (!recipe) throw new DomainError('not_found', 'Recette introuvable.');
    return recipe;
  };

  app.get(
    '/territories/:slug/recipes',
    {
      config: { access: policy('recipe.read', territoryFromParams) },
      schema: {
        tags,
        summary: 'Recettes du territoire (fournies et modifiées)',
        params: slugParamsSchema,
        response: { 200: recipeListSchema },
      },
    },
    async (request) => ({ items: await listOf(allowedTerritoryId(request)) }),
  );

  app.post(
    '/territories/:slug/recipes',
    {
      config: { access: policy('recipe.write', territoryFromParams) },
      schema: {
        tags,
        summary: 'Ajoute une recette au territoire',
        params: slugParamsSchema,
        body: recipeBodySchema,
        response: { 201: recipeSchema },
      },
    },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      const stored = await ctx.repos.recipes.upsert(territoryId, { id: `recipe-${newId()}`, ...request.body });
      return reply.code(201).send(await find(territoryId, stored.id));
    },
  );

  app.put(
    '/territories/:slug/recipes/:id',
    {
      config: { access: policy('recipe.write', territoryFromParams) },
      schema: {
        tags,
        summary: 'Modifie une recette (une recette fournie est remplacée pour ce territoire)',
        params: recipeParamsSchema,
        body: recipeBodySchema,
        response: { 200: recipeSchema },
      },
    },
    async (request) => {
      const territoryId = allowedTerritoryId(request);
      await find(territoryId, request.params.id);
      await ctx.repos.recipes.upsert(territoryId, { id: request.params.id, ...request.body });
      return find(territoryId, request.params.id);
    },
  );

  app.delete(
    '/territories/:slug/recipes/:id',
    {
      config: { access: policy('recipe.write', territoryFromParams) },
      schema: { tags, summary: 'Supprime une recette du territoire, ou rétablit la recette fournie', params: recipeParamsSchema },
    },
    async (request, reply) => {
      const territoryId = allowedTerritoryId(request);
      const { id } = request.params;
      const deleted = await ctx.repos.recipes.delete(territoryId, id);
      if (!deleted && isShippedRecipeId(id))
        throw new DomainError('conflict', 'Une recette fournie ne peut pas être supprimée ; modifiez-la.');
      if (!deleted) throw new DomainError('not_found', 'Recette introuvable.');
      return reply.code(204).send();
    },
  );
};
