import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import type { Session } from '../../api/types';
import { AppLink } from '../../router/app-link';
import { setupPaths } from '../setup-routes';
import { PublicCard } from '../public-card';
import { isPasswordReady, PasswordFields } from './password-fields';
import { useLinkInfo } from './use-link-info';

/** Choosing a password from an invitation or reset link; the user is then signed in. */
export function SetPasswordPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const link = useLinkInfo();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  if (link.status === 'checking') {
    return (
      <PublicCard title="Choisir votre mot de passe">
        <Loader aria-label="Vérification du lien" />
      </PublicCard>
    );
  }
  if (link.status === 'dead') {
    return (
      <PublicCard title="Lien inutilisable">
        <Alert color="red" role="alert">
          {link.message}
        </Alert>
        <Text size="sm">
          Un lien ne sert qu’une fois. Demandez-en un nouveau à la personne qui vous l’a transmis, ou{' '}
          <AppLink to={setupPaths.forgotPassword()}>faites une demande de réinitialisation</AppLink>.
        </Text>
      </PublicCard>
    );
  }
  const isInvitation = link.info.purpose === 'invitation';
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setError(null);
    try {
      onSignedIn(await api.post<Session>('/auth/password', { token: link.token, password }));
    } catch (caught) {
      setError(isApiError(caught) ? (caught.issues[0]?.reason ?? caught.message) : 'Réessayez dans un instant.');
      setIsSaving(false);
    }
  };
  return (
    <PublicCard title={isInvitation ? 'Bienvenue sur Mutualis' : 'Nouveau mot de passe'}>
      <Text>
        {isInvitation
          ? `Bonjour ${link.info.name ?? ''}, choisissez le mot de passe de votre compte ${link.info.email ?? ''}.`
          : `Choisissez un nouveau mot de passe pour ${link.info.email ?? ''}.`}
      </Text>
      <form onSubmit={submit}>
        <Stack>
          <PasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} />
          {error && (
            <Alert color="red" role="alert" title="Mot de passe refusé">
              {error}
            </Alert>
          )}
          <Button type="submit" loading={isSaving} disabled={!isPasswordReady(password, confirmation)}>
            Enregistrer et me connecter
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
