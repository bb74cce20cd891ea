import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { useSessionLoader } from './auth/use-session-loader';
import { LoginPage } from './login/login-page';
import { navigate, useLocationPath } from './router/navigation';
import { matchRoute, paths } from './router/routes';
import { AuthenticatedApp } from './shell/authenticated-app';
import { screenTitle } from './shell/screen-title';
import { useScreenTitle } from './shell/use-page-title';
import { PublicForecastRoute } from './forecast/public-forecast-route';
import { PublicSetupRouteView } from './setup/public/public-setup-route';
import { isPublicSetupRoute } from './setup/setup-routes';

export function App() {
  const { state, reload, signedIn, logout } = useSessionLoader();
  const path = useLocationPath();
  const route = matchRoute(path);
  useScreenTitle(screenTitle(route, { isSignedIn: state.status === 'authenticated' }));

  // After login, leave the login URL for the home screen; deep links other than /connexion are kept.
  useEffect(() => {
    if (state.status === 'authenticated' && route.name === 'login') navigate(paths.home(), { replace: true });
  }, [state.status, route.name]);

  // The public forecast needs no account: it is served whatever the session.
  if (route.name === 'public-forecast') return <PublicForecastRoute slug={route.slug} />;
  // Links to choose a password (and the first administrator's) work whatever the session.
  if (isPublicSetupRoute(route)) return <PublicSetupRouteView route={route} onSignedIn={signedIn} />;
  if (state.status === 'loading') {
    return (
      <Center mih="100vh">
        <Loader aria-label="Chargement" />
      </Center>
    );
  }
  if (state.status === 'failed') {
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <Alert color="red" title="Mutualis ne répond pas">
            {state.message}
          </Alert>
          <Button onClick={reload}>Réessayer</Button>
        </Stack>
      </Center>
    );
  }
  if (state.status === 'anonymous') return <LoginPage onSignedIn={signedIn} />;
  return <AuthenticatedApp session={state.session} route={route} onLogout={logout} />;
}
