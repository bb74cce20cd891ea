import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ServerContext } from '../app/server-context';
import { installAnalysisInvalidation } from '../analysis';
import { authRoutes } from './auth/auth-routes';
import { buyerNamesRoutes } from './buyer-names/buyer-names-routes';
import { competencesRoutes } from './competences/competences-routes';
import { contractsRoutes } from './contracts/contracts-routes';
import { coordinatorsRoutes } from './coordinators/coordinators-routes';
import { dashboardRoutes } from './dashboard/dashboard-routes';
import { decpFlagsRoutes } from './decp-flags/decp-flags-routes';
import { familiesRoutes } from './families/families-routes';
import { forecastRoutes } from './forecast/forecast-routes';
import { publicForecastRoutes } from './forecast/public-forecast-routes';
import { lotsRoutes } from './lots/lots-routes';
import { membershipRoutes } from './membership/membership-routes';
import { urgencyRoutes } from './lots/urgency-routes';
import { recipesRoutes } from './recipes/recipes-routes';
import { contactsRoutes } from './sourcing/contacts-routes';
import { sourcingRoutes } from './sourcing/sourcing-routes';
import { filesRoutes } from './files/files-routes';
import { groupementDocumentsRoutes } from './groupements/groupement-documents-routes';
import { groupementsRoutes } from './groupements/groupements-routes';
import { healthRoutes } from './health/health-routes';
import { censusImportRoutes } from './imports/census-import-routes';
import { importsRoutes } from './imports/imports-routes';
import { lifecycleReadRoutes } from './lifecycle/lifecycle-read-routes';
import { lifecycleWriteRoutes } from './lifecycle/lifecycle-write-routes';
import { needDecisionsRoutes } from './imports/need-decisions-routes';
import { needsRoutes } from './needs/needs-routes';
import { observatoryRoutes } from './observatory/observatory-routes';
import { opendataRoutes } from './opendata/opendata-routes';
import { opportunitiesRoutes } from './opportunities/opportunities-routes';
import { organizationsRoutes } from './organizations/organizations-routes';
import { referenceRoutes } from './reference/reference-routes';
import { suppliersRoutes } from './suppliers/suppliers-routes';
import { territoriesRoutes } from './territories/territories-routes';
import { accountRequestsRoutes } from './accounts/account-requests-routes';
import { adminRoutes } from './accounts/admin-routes';
import { organizationAccountsRoutes } from './accounts/organization-accounts-routes';
import { passwordRoutes } from './accounts/password-routes';
import { territoryAccountsRoutes } from './accounts/territory-accounts-routes';
import { censusCampaignsRoutes } from './census-campaigns/census-campaigns-routes';
import { contractsImportRoutes } from './contracts/contracts-import-routes';
import { homeRoutes } from './home/home-routes';

export interface RouteOptions {
  ctx: ServerContext;
}

/** Every API route, mounted under /api. Each route declares its access policy in `config.access`. */
export const registerApiRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { ctx }) => {
  installAnalysisInvalidation(app, ctx);
  for (const routes of [
    healthRoutes,
    authRoutes,
    territoriesRoutes,
    organizationsRoutes,
    needsRoutes,
    contractsRoutes,
    decpFlagsRoutes,
    buyerNamesRoutes,
    suppliersRoutes,
    referenceRoutes,
    competencesRoutes,
    opportunitiesRoutes,
    coordinatorsRoutes,
    familiesRoutes,
    sourcingRoutes,
    contactsRoutes,
    lotsRoutes,
    urgencyRoutes,
    forecastRoutes,
    publicForecastRoutes,
    recipesRoutes,
    filesRoutes,
    groupementsRoutes,
    groupementDocumentsRoutes,
    importsRoutes,
    censusImportRoutes,
    needDecisionsRoutes,
    opendataRoutes,
    lifecycleReadRoutes,
    lifecycleWriteRoutes,
    dashboardRoutes,
    observatoryRoutes,
    membershipRoutes,
    // Territory set-up from the browser (issue 16 §2).
    passwordRoutes,
    adminRoutes,
    territoryAccountsRoutes,
    organizationAccountsRoutes,
    accountRequestsRoutes,
    censusCampaignsRoutes,
    contractsImportRoutes,
    homeRoutes,
  ]) {
    await app.register(routes, { ctx });
  }
};
