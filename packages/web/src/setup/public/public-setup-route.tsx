import type { Session } from '../../api/types';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { PublicSetupRoute } from '../setup-routes';
import { FirstAdminPage } from './first-admin-page';
import { ForgotPasswordPage } from './forgot-password-page';
import { SetPasswordPage } from './set-password-page';

/** The screens opened without a session; a password set from them signs the user in and opens the home screen. */
export function PublicSetupRouteView({ route, onSignedIn }: { route: PublicSetupRoute; onSignedIn: (session: Session) => void }) {
  const signedIn = (session: Session) => {
    navigate(paths.home(), { replace: true });
    onSignedIn(session);
  };
  switch (route.name) {
    case 'first-admin':
      return <FirstAdminPage onSignedIn={signedIn} />;
    case 'set-password':
      return <SetPasswordPage onSignedIn={signedIn} />;
    case 'forgot-password':
      return <ForgotPasswordPage />;
  }
}
