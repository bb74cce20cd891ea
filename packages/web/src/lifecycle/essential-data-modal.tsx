import { Button, Group, Modal, Stack } from '@mantine/core';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { EssentialDataFields, type EssentialDataDraft, emptyEssentialData, essentialDataBody } from './essential-data-fields';

type Award = LifecycleView['awards'][number];

/** Records (or corrects) the DECP 2024 data of an awarded lot. */
export function EssentialDataModal({
  award,
  isBusy,
  onClose,
  onSubmit,
}: {
  award: Award;
  isBusy: boolean;
  onClose: () => void;
  onSubmit: (body: unknown) => Promise<boolean>;
}) {
  const [draft, setDraft] = useState<EssentialDataDraft>(award.essentialData ?? emptyEssentialData(award.startOn));
  const body = essentialDataBody(draft);
  return (
    <Modal opened onClose={onClose} title={`Données essentielles — ${award.lotLabel}`} size="lg">
      <Stack>
        <EssentialDataFields value={draft} onChange={setDraft} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button
            loading={isBusy}
            disabled={body === null}
            onClick={async () => {
              if (body && (await onSubmit(body))) onClose();
            }}
          >
            Enregistrer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
