import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import type { PasswordResetAnswer } from '@mutualis/contract';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { PublicCard } from '../public-card';

/** "Forgotten password": a reset link by e-mail, or the advice to ask the facilitator when the instance sends none. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<PasswordResetAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSending(true);
    setError(null);
    try {
      setAnswer(await api.post<PasswordResetAnswer>('/auth/password-reset', { email: email.trim() }));
    } catch (caught) {
      setError(isApiError(caught) ? (caught.issues[0]?.reason ?? caught.message) : 'Réessayez dans un instant.');
    } finally {
      setIsSending(false);
    }
  };
  return (
    <PublicCard title="Mot de passe oublié">
      {answer ? (
        <Alert color={answer.emailConfigured ? 'teal' : 'yellow'} role="status">
          {answer.message}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text>Indiquez l’adresse de votre compte : vous recevrez un lien pour choisir un nouveau mot de passe.</Text>
            <TextInput
              label="Adresse e-mail"
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={error ?? undefined}
            />
            <Button type="submit" loading={isSending}>
              Recevoir un lien
            </Button>
          </Stack>
        </form>
      )}
      <AppLink to={paths.login()}>Retour à la connexion</AppLink>
    </PublicCard>
  );
}
