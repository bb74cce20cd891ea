import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Session } from '../api/types';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { DemoAccountsHint } from './demo-accounts-hint';

interface LoginPageProps {
  onSignedIn: (session: Session) => void;
}

function loginErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Connexion impossible. Réessayez dans un instant.';
  if (error.status === 401) return 'Adresse e-mail ou mot de passe incorrect.';
  if (error.status === 429) return 'Trop de tentatives échouées. Patientez 15 minutes avant de réessayer.';
  if (error.status === 400) return 'Saisissez une adresse e-mail valide et votre mot de passe.';
  return error.message;
}

export function LoginPage({ onSignedIn }: LoginPageProps) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSubmitting(true);
    setError(null);
    try {
      onSignedIn(await api.post<Session>('/auth/login', { email: email.trim(), password }));
    } catch (caught) {
      setError(loginErrorMessage(caught));
      setIsSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={480} maw="100%" gap="lg">
        <Stack gap={4} align="center">
          <Title order={1} c="teal.8">
            Mutualis
          </Title>
          <Text c="dimmed" ta="center">
            Recenser les besoins d’achat du territoire et préparer des groupements de commandes
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md" component="form" onSubmit={submit} aria-labelledby="login-title">
          <Stack>
            <Title order={2} size="h3" id="login-title">
              Connexion
            </Title>
            {error && (
              <Alert color="red" role="alert" title="Connexion refusée">
                {error}
              </Alert>
            )}
            <TextInput
              label="Adresse e-mail"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label="Mot de passe"
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            <Button type="submit" loading={isSubmitting} fullWidth>
              Se connecter
            </Button>
            <AppLink to={paths.forgotPassword()} size="sm" ta="center">
              Mot de passe oublié ?
            </AppLink>
          </Stack>
        </Paper>
        <DemoAccountsHint />
      </Stack>
    </Center>
  );
}
