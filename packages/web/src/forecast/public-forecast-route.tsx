import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

const PublicForecastPage = lazy(() => import('./public-forecast-page'));

/** The public forecast outside the authenticated shell: no login, no navigation. */
export function PublicForecastRoute({ slug }: { slug: string }) {
  return (
    <Suspense
      fallback={
        <Center mih="100vh">
          <Loader aria-label="Chargement" />
        </Center>
      }
    >
      <PublicForecastPage slug={slug} />
    </Suspense>
  );
}
