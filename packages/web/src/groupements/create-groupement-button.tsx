import { Alert, Button, Modal, Select, Stack, Switch, TextInput } from '@mantine/core';
import type { GroupementCreate, GroupementDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { navigate } from '../router/navigation';
import { paths } from '../router/routes';
import { isMandateScope, MANDATE_OPTIONS } from './groupement-labels';

interface CreateGroupementButtonProps {
  slug: string;
  /** Null until an opportunity is chosen (the button is then disabled). */
  opportunityId: string | null;
  /** Date of the analysis the opportunity comes from. */
  at?: string;
  defaultName?: string;
}

/** « Créer le groupement » from an opportunity: name, mandate, permanence; opens the new groupement. For the opportunity page too. */
export function CreateGroupementButton({ slug, opportunityId, at, defaultName = '' }: CreateGroupementButtonProps) {
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(defaultName);
  const [mandateScope, setMandateScope] = useState<GroupementDto['mandateScope']>('procedure_signature');
  const [isPermanent, setIsPermanent] = useState(false);
  const [admissionsBy, setAdmissionsBy] = useState<GroupementDto['admissionsBy']>('facilitator');
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);

  const create = async () => {
    if (!opportunityId) return;
    setIsBusy(true);
    setFailure(null);
    const body: GroupementCreate = {
      opportunityId,
      mandateScope,
      isPermanent,
      admissionsBy,
      ...(at ? { at } : {}),
      ...(name.trim() ? { name } : {}),
    };
    try {
      const created = await api.post<GroupementDto>(`/territories/${encodeURIComponent(slug)}/groupements`, body);
      setOpened(false);
      navigate(paths.groupement(created.id));
    } catch (error) {
      setFailure(isApiError(error) ? [error.message, ...error.issues.map((i) => i.reason)].join(' ') : 'Réessayez dans un instant.');
    } finally {
      setIsBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpened(true)} disabled={!opportunityId}>
        Créer le groupement
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Créer le groupement de commandes">
        <Stack>
          <TextInput
            label="Nom du groupement"
            placeholder="Laisser vide pour un nom tiré de la famille d’achat"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label="Mandat du coordonnateur"
            data={MANDATE_OPTIONS}
            value={mandateScope}
            onChange={(value) => isMandateScope(value) && setMandateScope(value)}
            allowDeselect={false}
          />
          <Switch label="Groupement permanent" checked={isPermanent} onChange={(e) => setIsPermanent(e.currentTarget.checked)} />
          <Select
            label="Demandes d’adhésion décidées par"
            description="Écrit dans la convention ; aucune organisation ne s’ajoute elle-même."
            data={[
              { value: 'facilitator', label: 'l’animateur du territoire' },
              { value: 'coordinator', label: 'le coordonnateur' },
            ]}
            value={admissionsBy}
            onChange={(value) => (value === 'facilitator' || value === 'coordinator') && setAdmissionsBy(value)}
            allowDeselect={false}
          />
          {failure && (
            <Alert color="red" title="Création impossible">
              {failure}
            </Alert>
          )}
          <Button onClick={create} loading={isBusy}>
            Créer
          </Button>
        </Stack>
      </Modal>
    </>
  );
}
