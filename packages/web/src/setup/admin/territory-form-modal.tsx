import { Modal, Select, Stack, TextInput } from '@mantine/core';
import type { TerritoryDto } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { FormActions } from '../../forms/form-actions';
import { useApiForm } from '../../forms/use-api-form';

type Field = 'name' | 'slug' | 'poolingScope';

/** "Pays Basque – Adour" → "pays-basque-adour" (the server checks it again). */
function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

const SCOPES = [
  { value: 'territory', label: 'Tout le territoire' },
  { value: 'departement', label: 'Au sein d’un même département' },
  { value: 'region', label: 'Au sein d’une même région' },
  { value: 'epci', label: 'Au sein d’une même intercommunalité' },
];

/** A new territory: its name, its short name (in every URL) and who may pool with whom. */
export function TerritoryFormModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (t: TerritoryDto) => void;
}) {
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [isSlugEdited, setIsSlugEdited] = useState(false);
  const [scope, setScope] = useState('territory');
  const { errors, general, isSaving, submitWith } = useApiForm<Field>({
    fieldFor: (f) => (f === 'name' || f === 'slug' || f === 'poolingScope' ? f : null),
  });
  const submit = submitWith(async () => {
    const created = await api.post<TerritoryDto>('/admin/territories', { name: name.trim(), slug: slug.trim(), poolingScope: scope });
    setName('');
    setSlug('');
    setIsSlugEdited(false);
    onCreated(created);
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Créer un territoire" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Nom du territoire"
            required
            value={name}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setName(value);
              if (!isSlugEdited) setSlug(slugOf(value));
            }}
            error={errors.name}
          />
          <TextInput
            label="Identifiant court"
            description="Il apparaît dans les adresses des pages : minuscules, chiffres et tirets."
            required
            value={slug}
            onChange={(e) => {
              setIsSlugEdited(true);
              setSlug(e.currentTarget.value);
            }}
            error={errors.slug}
          />
          <Select
            label="Qui peut mutualiser avec qui"
            data={SCOPES}
            value={scope}
            onChange={(v) => setScope(v ?? 'territory')}
            allowDeselect={false}
          />
          <FormActions isSaving={isSaving} onCancel={onClose} generalErrors={general} errorTitle={null} submitLabel="Créer" />
        </Stack>
      </form>
    </Modal>
  );
}
