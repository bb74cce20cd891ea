import { ofNameFr } from '@mutualis/contract';
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { FrenchDateInput } from '../dates/french-date-input';
import { todayIso } from './lifecycle-labels';

type Member = LifecycleView['members'][number];

interface SignatureModalProps {
  member: Member | null;
  isBusy: boolean;
  onClose: () => void;
  onSubmit: (body: {
    organizationId: string;
    signedOn?: string;
    deliberationOn?: string;
    deliberationReference?: string;
  }) => Promise<boolean>;
}

/** Records a member's signature of the convention and, for a local authority, its deliberation. */
export function SignatureModal({ member, isBusy, onClose, onSubmit }: SignatureModalProps) {
  const [signedOn, setSignedOn] = useState('');
  const [deliberationOn, setDeliberationOn] = useState('');
  const [reference, setReference] = useState('');
  if (!member) return null;
  const submit = async () => {
    const ok = await onSubmit({
      organizationId: member.organizationId,
      ...(signedOn ? { signedOn } : {}),
      ...(deliberationOn ? { deliberationOn } : {}),
      ...(reference.trim() ? { deliberationReference: reference.trim() } : {}),
    });
    if (ok) onClose();
  };
  return (
    <Modal opened onClose={onClose} title={`Adhésion ${ofNameFr(member.name)}`} size="lg">
      <Stack>
        {member.needsDeliberation && (
          <Text size="sm" c="dimmed">
            Collectivité : son assemblée délibère avant la signature (la délibération autorise le maire ou le président à signer la
            convention).
          </Text>
        )}
        {member.needsDeliberation && (
          <Group grow>
            <FrenchDateInput
              label="Date de la délibération"
              value={deliberationOn || member.deliberationOn || ''}
              onChange={setDeliberationOn}
            />
            <TextInput
              label="Référence de la délibération"
              placeholder="ex. DEL-2026-014"
              value={reference || member.deliberationReference || ''}
              onChange={(e) => setReference(e.currentTarget.value)}
            />
          </Group>
        )}
        <FrenchDateInput
          label="Date de signature de la convention"
          value={signedOn || member.signedOn || ''}
          maxDate={todayIso()}
          onChange={setSignedOn}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={isBusy} onClick={submit}>
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
