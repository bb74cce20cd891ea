import { AppShell, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Session } from '../api/types';
import { SessionContext } from '../auth/session-context';
import type { AppRoute } from '../router/routes';
import { roleOn } from './current-territory';
import { LocalPage } from '../sourcing/local-page';
import { isLocalRoute } from '../sourcing/local-routes';
import { SetupPage } from '../setup/setup-page';
import { isSetupRoute } from '../setup/setup-routes';
import { HeaderBar } from './header-bar';
import { MainNav } from './main-nav';
import { NotFoundPage } from './not-found-page';

const TerritoryOverviewPage = lazy(() => import('../territory/territory-overview-page'));
const NeedsPage = lazy(() => import('../needs/needs-page'));
const ImportsPage = lazy(() => import('../imports/imports-page'));
const DecpFlagsPage = lazy(() => import('../imports/decp-flags-page'));
const GroupementsPage = lazy(() => import('../groupements/groupements-page'));
const GroupementPage = lazy(() => import('../groupements/groupement-page'));
const DashboardPage = lazy(() => import('../dashboard/dashboard-page'));
const OpportunitiesPage = lazy(() => import('../opportunities/opportunities-page'));
const OpportunityPage = lazy(() => import('../opportunities/opportunity-page'));
const CoordinatorsPage = lazy(() => import('../coordinators/coordinators-page'));
const FamiliesPage = lazy(() => import('../families/families-page'));
const ObservatoryPage = lazy(() => import('../observatory/observatory-page'));
const HomePage = lazy(() => import('../setup/home/home-page'));

interface AuthenticatedAppProps {
  session: Session;
  route: AppRoute;
  onLogout: () => Promise<void>;
}

/** The territory the header shows: the one in the URL, else the one of the organization shown, else the last one. */
function useTerritorySlug(session: Session, route: AppRoute): string | null {
  const [lastSlug, setLastSlug] = useState<string | null>(session.roles[0]?.territorySlug ?? null);
  const routeSlug =
    'slug' in route
      ? route.slug
      : 'organizationId' in route
        ? (session.roles.find((role) => role.organizationId === route.organizationId)?.territorySlug ?? null)
        : null;
  useEffect(() => {
    if (routeSlug) setLastSlug(routeSlug);
  }, [routeSlug]);
  return routeSlug ?? lastSlug;
}

function Page({ route, territorySlug }: { route: AppRoute; territorySlug: string | null }) {
  if (isLocalRoute(route)) return <LocalPage route={route} />;
  if (isSetupRoute(route)) return <SetupPage route={route} territorySlug={territorySlug} />;
  switch (route.name) {
    case 'home':
    case 'login':
      // The login URL is replaced by the home URL once signed in; both show the role's first screen.
      return <HomePage territorySlug={territorySlug} />;
    case 'territory':
      return <TerritoryOverviewPage slug={route.slug} />;
    case 'opportunities':
      return <OpportunitiesPage slug={route.slug} />;
    case 'opportunity':
      return <OpportunityPage slug={route.slug} id={route.id} />;
    case 'coordinators':
      return <CoordinatorsPage slug={route.slug} />;
    case 'families':
      return <FamiliesPage slug={route.slug} />;
    case 'needs':
      return <NeedsPage organizationId={route.organizationId} territorySlug={territorySlug} />;
    case 'imports':
      return <ImportsPage slug={route.slug} />;
    case 'decpFlags':
      return <DecpFlagsPage slug={route.slug} />;
    case 'groupements':
      return <GroupementsPage slug={route.slug} />;
    case 'groupement':
      return <GroupementPage id={route.id} />;
    case 'dashboard':
      return <DashboardPage slug={route.slug} />;
    case 'observatory':
      return <ObservatoryPage departement={route.departement} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function AuthenticatedApp({ session, route, onLogout }: AuthenticatedAppProps) {
  const territorySlug = useTerritorySlug(session, route);
  const context = useMemo(() => ({ session, logout: onLogout }), [session, onLogout]);
  const [isNavbarOpened, navbar] = useDisclosure(false);
  const navSlug = roleOn(session.roles, territorySlug)?.territorySlug ?? null;
  return (
    <SessionContext.Provider value={context}>
      <AppShell
        header={{ height: 64 }}
        navbar={{ width: 220, breakpoint: 'md', collapsed: { mobile: !isNavbarOpened, desktop: navSlug === null } }}
        padding="lg"
      >
        <AppShell.Header>
          <HeaderBar territorySlug={territorySlug} isNavbarOpened={isNavbarOpened} onToggleNavbar={navbar.toggle} />
        </AppShell.Header>
        <AppShell.Navbar mod={{ 'mobile-hidden': !isNavbarOpened }}>
          <MainNav territorySlug={navSlug} onNavigate={navbar.close} />
        </AppShell.Navbar>
        <AppShell.Main bg="gray.0">
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Chargement de la page" />
              </Center>
            }
          >
            <Page route={route} territorySlug={territorySlug} />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </SessionContext.Provider>
  );
}
