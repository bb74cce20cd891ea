import { lazy } from 'react';
import type { LocalRoute } from './local-routes';

const FirmsPage = lazy(() => import('../firms/firms-page'));
const MapPage = lazy(() => import('../map/map-page'));
const RecipesPage = lazy(() => import('../recipes/recipes-page'));
const SourcingPage = lazy(() => import('./sourcing-page'));
const LotsPage = lazy(() => import('../lots/lots-page'));
const ForecastPage = lazy(() => import('../forecast/forecast-page'));
const PublicForecastPage = lazy(() => import('../forecast/public-forecast-page'));

/** The page of a local-capacity route (rendered inside a Suspense boundary). */
export function LocalPage({ route }: { route: LocalRoute }) {
  switch (route.name) {
    case 'firms':
      return <FirmsPage slug={route.slug} />;
    case 'map':
      return <MapPage slug={route.slug} />;
    case 'recipes':
      return <RecipesPage slug={route.slug} />;
    case 'sourcing':
      return <SourcingPage slug={route.slug} id={route.id} />;
    case 'lots':
      return <LotsPage slug={route.slug} id={route.id} />;
    case 'forecast':
      return <ForecastPage slug={route.slug} />;
    case 'public-forecast':
      return <PublicForecastPage slug={route.slug} />;
  }
}
