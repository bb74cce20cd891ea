import { lazy } from 'react';
import type { SetupRoute } from './setup-routes';

const AdminPage = lazy(() => import('./admin/admin-page'));
const OrganizationsPage = lazy(() => import('./organizations/organizations-page'));
const TerritoryAccountsPage = lazy(() => import('./accounts/territory-accounts-page'));
const OrganizationAccountsPage = lazy(() => import('./accounts/organization-accounts-page'));
const CensusCampaignPage = lazy(() => import('./census/census-campaign-page'));
const AccountRequestsPage = lazy(() => import('./requests/account-requests-page'));
const ContractsPage = lazy(() => import('./contracts/contracts-page'));
const FirmProfilePage = lazy(() => import('./firm/firm-profile-page'));

/** The signed-in screens of the territory set-up (the public ones are served by `PublicSetupRouteView`). */
export function SetupPage({ route, territorySlug }: { route: SetupRoute; territorySlug: string | null }) {
  switch (route.name) {
    case 'admin':
      return <AdminPage />;
    case 'organizations':
      return <OrganizationsPage slug={route.slug} />;
    case 'accounts':
      return <TerritoryAccountsPage slug={route.slug} />;
    case 'census-campaign':
      return <CensusCampaignPage slug={route.slug} />;
    case 'account-requests':
      return <AccountRequestsPage slug={route.slug} />;
    case 'contracts':
      return <ContractsPage organizationId={route.organizationId} territorySlug={territorySlug} />;
    case 'organization-accounts':
      return <OrganizationAccountsPage organizationId={route.organizationId} />;
    case 'firm-profile':
      return <FirmProfilePage organizationId={route.organizationId} />;
    case 'first-admin':
    case 'set-password':
    case 'forgot-password':
      return null;
  }
}
