import type { ScopeResolver } from '../../authz/access';

/** The territory of the planned consultation `:consultationId`. */
export const consultationFromParams: ScopeResolver = async (request, ctx) => {
  const params = request.params;
  const id = typeof params === 'object' && params !== null ? Reflect.get(params, 'consultationId') : undefined;
  const consultation = typeof id === 'string' ? await ctx.repos.plannedConsultations.getById(id) : undefined;
  return consultation ? { territoryIds: [consultation.territoryId] } : null;
};
