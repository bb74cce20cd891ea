import { Alert, Button, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { mapIssuesToFields } from '../../api/field-errors';
import { CommuneSelect } from '../commune-select';

type Field = 'siret' | 'organizationName' | 'inseeCode' | 'contactName' | 'email' | 'phone' | 'message';
const FIELDS: readonly Field[] = ['siret', 'organizationName', 'inseeCode', 'contactName', 'email', 'phone', 'message'];

/** A firm that found the public forecast asks for an account; the facilitator approves it. */
export function AccountRequestModal({
  slug,
  territoryName,
  opened,
  onClose,
}: {
  slug: string;
  territoryName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    siret: '',
    organizationName: '',
    inseeCode: '',
    contactName: '',
    email: '',
    phone: '',
    message: '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSending(true);
    setErrors({});
    setGeneral(null);
    try {
      const body = Object.fromEntries(
        Object.entries(values)
          .map(([k, v]) => [k, v.trim()])
          .filter(([k, v]) => v !== '' || k === 'siret'),
      );
      const answer = await api.post<{ message: string }>(`/public/territories/${encodeURIComponent(slug)}/account-requests`, body);
      setDone(answer.message);
    } catch (caught) {
      if (!isApiError(caught)) setGeneral('Envoi impossible : réessayez dans un instant.');
      else {
        const mapped = mapIssuesToFields<Field>(caught.issues, (f) => (FIELDS.includes(f as Field) ? (f as Field) : null));
        setErrors(mapped.byField);
        setGeneral(caught.issues.length === 0 || mapped.general.length > 0 ? [caught.message, ...mapped.general].join(' ') : null);
      }
    } finally {
      setIsSending(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Demander un compte entreprise" size="lg" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      {done ? (
        <Alert color="teal" role="status">
          {done}
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{`Avec un compte, votre entreprise décrit ses savoir-faire et ses capacités et déclare son intérêt pour les lots prévus sur le territoire ${territoryName}. L’animateur examine chaque demande.`}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="SIRET de l’établissement"
                required
                value={values.siret}
                onChange={(e) => set('siret')(e.currentTarget.value)}
                error={errors.siret}
              />
              <TextInput
                label="Raison sociale"
                required
                value={values.organizationName}
                onChange={(e) => set('organizationName')(e.currentTarget.value)}
                error={errors.organizationName}
              />
            </SimpleGrid>
            <CommuneSelect
              label="Commune de l’établissement"
              isPublic
              value={values.inseeCode || null}
              onChange={(code) => set('inseeCode')(code ?? '')}
              error={errors.inseeCode}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label="Votre prénom et nom"
                required
                autoComplete="name"
                value={values.contactName}
                onChange={(e) => set('contactName')(e.currentTarget.value)}
                error={errors.contactName}
              />
              <TextInput
                label="Adresse e-mail"
                type="email"
                required
                autoComplete="email"
                value={values.email}
                onChange={(e) => set('email')(e.currentTarget.value)}
                error={errors.email}
              />
            </SimpleGrid>
            <TextInput
              label="Téléphone"
              autoComplete="tel"
              value={values.phone}
              onChange={(e) => set('phone')(e.currentTarget.value)}
              error={errors.phone}
            />
            <Textarea
              label="Ce que fait votre entreprise"
              autosize
              minRows={2}
              value={values.message}
              onChange={(e) => set('message')(e.currentTarget.value)}
              error={errors.message}
            />
            {general && (
              <Alert color="red" role="alert" title="Demande refusée">
                {general}
              </Alert>
            )}
            <Button type="submit" loading={isSending}>
              Envoyer la demande
            </Button>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
