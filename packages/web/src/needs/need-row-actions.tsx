import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import type { Need, NeedStatus } from '../api/types';
import { PencilIcon } from '../icons/pencil-icon';
import { TrashIcon } from '../icons/trash-icon';

interface NeedRowActionsProps {
  need: Need;
  onEdit: (need: Need) => void;
  onDelete: (need: Need) => void;
  onSetStatus: (need: Need, status: NeedStatus) => void;
}

export function NeedRowActions({ need, onEdit, onDelete, onSetStatus }: NeedRowActionsProps) {
  return (
    <Group gap={6} wrap="nowrap" justify="flex-end">
      {need.status === 'proposed' && (
        <>
          <Button size="compact-xs" color="teal" onClick={() => onSetStatus(need, 'confirmed')} aria-label={`Confirmer « ${need.label} »`}>
            Confirmer
          </Button>
          <Button
            size="compact-xs"
            variant="default"
            onClick={() => onSetStatus(need, 'rejected')}
            aria-label={`Rejeter « ${need.label} »`}
          >
            Rejeter
          </Button>
        </>
      )}
      <Tooltip label="Modifier">
        <ActionIcon variant="subtle" onClick={() => onEdit(need)} aria-label={`Modifier « ${need.label} »`}>
          <PencilIcon />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Supprimer">
        <ActionIcon variant="subtle" color="red" onClick={() => onDelete(need)} aria-label={`Supprimer « ${need.label} »`}>
          <TrashIcon />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
