import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import type { Need } from '../api/types';
import { formatEuros } from '../format/money';

interface DeleteNeedModalProps {
  need: Need | null;
  onCancel: () => void;
  onConfirm: (need: Need) => Promise<void>;
}

export function DeleteNeedModal({ need, onCancel, onConfirm }: DeleteNeedModalProps) {
  const [isDeleting, setIsDeleting] = useState(false);
  const confirm = async () => {
    if (!need) return;
    setIsDeleting(true);
    await onConfirm(need).finally(() => setIsDeleting(false));
  };
  return (
    <Modal opened={need !== null} onClose={onCancel} title="Supprimer ce besoin ?" centered closeButtonProps={{ 'aria-label': 'Fermer' }}>
      {need && (
        <>
          <Text mb="xs">
            « {need.label} » ({need.cpvCode}, {formatEuros(need.annualAmountCents)} par an) sera retiré du recensement.
          </Text>
          <Text size="sm" c="dimmed" mb="lg">
            Cette action est définitive.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Annuler
            </Button>
            <Button color="red" onClick={() => void confirm()} loading={isDeleting}>
              Supprimer
            </Button>
          </Group>
        </>
      )}
    </Modal>
  );
}
