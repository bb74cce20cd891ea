import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}

/** Asks before an action that cannot be undone from here (removing an access, deleting a contract). */
export function ConfirmModal({ opened, title, message, confirmLabel, onCancel, onConfirm }: ConfirmModalProps) {
  const [isBusy, setIsBusy] = useState(false);
  return (
    <Modal opened={opened} onClose={onCancel} title={title} closeButtonProps={{ 'aria-label': 'Fermer' }}>
      <Stack>
        <Text>{message}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Annuler
          </Button>
          <Button
            color="red"
            loading={isBusy}
            onClick={async () => {
              setIsBusy(true);
              try {
                await onConfirm();
              } finally {
                setIsBusy(false);
              }
            }}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
