import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { InvitationResult } from '@mutualis/contract';
import { type FormEvent, type ReactNode, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { mapIssuesToFields } from '../../api/field-errors';

type Field = 'name' | 'email' | 'role' | 'organizationId';

export interface RoleChoice {
  /** Roles offered (facilitator screens); none: the route decides (an organization's colleague, a facilitator). */
  roles: { value: string; label: string }[];
  organizations: { value: string; label: string; isBuyer: boolean }[];
}

interface InviteModalProps {
  opened: boolean;
  title: string;
  path: string;
  choice?: RoleChoice;
  intro?: ReactNode;
  /** The organization chosen when the dialog opens (inviting from an organization's row). */
  initialOrganizationId?: string | null;
  onClose: () => void;
  onInvited: (result: InvitationResult, recipient: string) => void;
}

/** Invites a person by name and e-mail (and, on a territory, a role and its organization). */
export function InviteModal({ opened, title, path, choice, intro, initialOrganizationId = null, onClose, onInvited }: InviteModalProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string | null>(choice?.roles[0]?.value ?? null);
  const [organizationId, setOrganizationId] = useState<string | null>(initialOrganizationId);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const needsOrganization = role === 'member' || role === 'supplier';
  const organizations = (choice?.organizations ?? []).filter((o) => (role === 'member' ? o.isBuyer : !o.isBuyer));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setGeneral(null);
    try {
      const body = {
        name: name.trim(),
        email: email.trim(),
        ...(choice ? { role, ...(needsOrganization ? { organizationId } : {}) } : {}),
      };
      const result = await api.post<InvitationResult>(path, body);
      const recipient = `${result.account.name} (${result.account.email})`;
      setName('');
      setEmail('');
      onInvited(result, recipient);
    } catch (caught) {
      if (!isApiError(caught)) setGeneral('Réessayez dans un instant.');
      else {
        const fields: readonly string[] = ['name', 'email', 'role', 'organizationId'];
        const mapped = mapIssuesToFields<Field>(caught.issues, (f) => (fields.includes(f) ? (f as Field) : null));
        setErrors(mapped.byField);
        setGeneral(caught.issues.length === 0 ? caught.message : mapped.general.join(' ') || null);
      }
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <form onSubmit={submit}>
        <Stack>
          {intro}
          <TextInput label="Prénom et nom" required value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
          <TextInput
            label="Adresse e-mail"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          {choice && (
            <Select
              label="Rôle"
              data={choice.roles}
              value={role}
              onChange={(value) => {
                setRole(value);
                setOrganizationId(null);
              }}
              allowDeselect={false}
              error={errors.role}
            />
          )}
          {choice && needsOrganization && (
            <Select
              label={role === 'member' ? 'Organisation pour laquelle il achète' : 'Entreprise'}
              required
              searchable
              data={organizations.map(({ value, label }) => ({ value, label }))}
              value={organizationId}
              onChange={setOrganizationId}
              nothingFoundMessage="Aucune organisation de ce type : ajoutez-la d’abord."
              error={errors.organizationId}
            />
          )}
          {general && <Alert color="red">{general}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Annuler
            </Button>
            <Button type="submit" loading={isSaving}>
              Inviter
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
