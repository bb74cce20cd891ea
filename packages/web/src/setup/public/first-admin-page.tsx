import { Alert, Button, Loader, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { mapIssuesToFields } from '../../api/field-errors';
import type { Session } from '../../api/types';
import { PublicCard } from '../public-card';
import { isPasswordReady, PasswordFields } from './password-fields';
import { useLinkInfo } from './use-link-info';

type Field = 'name' | 'email' | 'password';

/** The first administrator of a fresh instance, from the one-time link `mutualis serve` printed at start. */
export function FirstAdminPage({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const link = useLinkInfo();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  if (link.status !== 'usable' || link.info.purpose !== 'setup') {
    return (
      <PublicCard title="Installation de Mutualis">
        {link.status === 'checking' ? (
          <Loader aria-label="Vérification du lien" />
        ) : (
          <Alert color="red" role="alert">
            {link.status === 'dead' ? link.message : 'Ce lien n’est pas un lien d’installation.'} Au démarrage, le serveur affiche un
            nouveau lien tant qu’aucun administrateur n’existe.
          </Alert>
        )}
      </PublicCard>
    );
  }
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setGeneral(null);
    try {
      onSignedIn(await api.post<Session>('/setup/administrator', { token: link.token, name: name.trim(), email: email.trim(), password }));
    } catch (caught) {
      if (!isApiError(caught)) setGeneral('Réessayez dans un instant.');
      else {
        const mapped = mapIssuesToFields<Field>(caught.issues, (f) => (f === 'name' || f === 'email' || f === 'password' ? f : null));
        setErrors(mapped.byField);
        setGeneral(mapped.general.length > 0 || caught.issues.length === 0 ? [caught.message, ...mapped.general].join(' ') : null);
      }
      setIsSaving(false);
    }
  };
  return (
    <PublicCard title="Installation : premier administrateur">
      <Text>
        Ce compte administre l’instance : il crée les territoires et invite leurs animateurs. Le lien d’installation ne servira qu’une fois.
      </Text>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Prénom et nom"
            required
            autoComplete="name"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
          />
          <TextInput
            label="Adresse e-mail"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordFields
            password={password}
            confirmation={confirmation}
            onPassword={setPassword}
            onConfirmation={setConfirmation}
            error={errors.password}
          />
          {general && (
            <Alert color="red" role="alert" title="Création refusée">
              {general}
            </Alert>
          )}
          <Button type="submit" loading={isSaving} disabled={!isPasswordReady(password, confirmation)}>
            Créer l’administrateur
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
