import { PasswordInput, Stack } from '@mantine/core';

interface PasswordFieldsProps {
  password: string;
  confirmation: string;
  onPassword: (value: string) => void;
  onConfirmation: (value: string) => void;
  error?: string;
}

/** Mirror of the contract's MIN_PASSWORD_LENGTH (the bundle imports only types from the contract); the server checks again. */
const MIN_PASSWORD_LENGTH = 10;

/** A new password typed twice; the server checks it again. */
export function PasswordFields({ password, confirmation, onPassword, onConfirmation, error }: PasswordFieldsProps) {
  const mismatch = confirmation !== '' && confirmation !== password ? 'Les deux saisies diffèrent.' : undefined;
  return (
    <Stack gap="sm">
      <PasswordInput
        label="Nouveau mot de passe"
        description={`${MIN_PASSWORD_LENGTH} caractères au moins ; une phrase de plusieurs mots est plus sûre et plus facile à retenir.`}
        autoComplete="new-password"
        required
        value={password}
        onChange={(e) => onPassword(e.currentTarget.value)}
        error={error}
      />
      <PasswordInput
        label="Confirmez le mot de passe"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(e) => onConfirmation(e.currentTarget.value)}
        error={mismatch}
      />
    </Stack>
  );
}

/** Whether the form may be sent: long enough, typed twice the same. */
export function isPasswordReady(password: string, confirmation: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH && password === confirmation;
}
