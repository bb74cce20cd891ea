import { Modal, Select, Stack, TextInput } from '@mantine/core';
import type { OrganizationDto } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../../api/client';
import { FormActions } from '../../forms/form-actions';
import { useApiForm } from '../../forms/use-api-form';
import { ORGANIZATION_KIND_LABELS } from '../../reference/labels';
import { CommuneSelect } from '../commune-select';

type Field = 'siret' | 'name' | 'kind' | 'inseeCode';
const FIELDS: readonly string[] = ['siret', 'name', 'kind', 'inseeCode'];

/** Luhn key of a SIRET, checked while typing (La Poste's establishments follow another rule: the server decides). */
function siretHint(raw: string): string | undefined {
  const digits = raw.replace(/\s/g, '');
  if (digits === '') return undefined;
  if (!/^\d{14}$/.test(digits)) return 'Le SIRET compte 14 chiffres.';
  if (digits.startsWith('356000000')) return undefined;
  const sum = [...digits].reverse().reduce((total, char, i) => {
    const d = Number(char) * (i % 2 === 1 ? 2 : 1);
    return total + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0 ? undefined : 'Clé de contrôle incorrecte : vérifiez les chiffres (avis de situation SIRENE).';
}

/** Adds an organization to the territory by its SIRET (checked), with its kind and commune. */
export function OrganizationFormModal({
  slug,
  opened,
  onClose,
  onCreated,
}: {
  slug: string;
  opened: boolean;
  onClose: () => void;
  onCreated: (o: OrganizationDto) => void;
}) {
  const [siret, setSiret] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string | null>('commune');
  const [inseeCode, setInseeCode] = useState<string | null>(null);
  const { errors, general, isSaving, submitWith } = useApiForm<Field>({
    fieldFor: (f) => (FIELDS.includes(f) ? (f as Field) : null),
    conflict: { siret: 'Une organisation a déjà ce SIRET.' },
  });
  const submit = submitWith(async () => {
    const created = await api.post<OrganizationDto>('/organizations', {
      territory: slug,
      siret: siret.replace(/\s/g, ''),
      name: name.trim(),
      kind,
      inseeCode,
    });
    setSiret('');
    setName('');
    setInseeCode(null);
    onCreated(created);
  });
  return (
    <Modal opened={opened} onClose={onClose} title="Ajouter une organisation" closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="SIRET"
            description="14 chiffres de l’établissement (annuaire des entreprises, avis de situation SIRENE)."
            required
            inputMode="numeric"
            value={siret}
            onChange={(e) => setSiret(e.currentTarget.value)}
            error={errors.siret ?? siretHint(siret)}
          />
          <TextInput label="Nom" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <Select
            label="Type"
            data={Object.entries(ORGANIZATION_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={setKind}
            allowDeselect={false}
            error={errors.kind}
          />
          <CommuneSelect label="Commune de l’établissement" value={inseeCode} onChange={setInseeCode} error={errors.inseeCode} />
          <FormActions isSaving={isSaving} onCancel={onClose} generalErrors={general} errorTitle={null} submitLabel="Ajouter" />
        </Stack>
      </form>
    </Modal>
  );
}
