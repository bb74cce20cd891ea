import { ActionIcon, Button, Group, Tooltip } from '@mantine/core';
import type { Need, NeedStatus } from '../api/types';

interface NeedRowActionsProps {
  need: Need;
  onEdit: (need: Need) => void;
  onDelete: (need: Need) => void;
  onSetStatus: (need: Need, status: NeedStatus) => void;
}

function PencilIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M4 20h4L19 9l-4-4L4 16v4z" />
      <path d="M14 6l4 4" />
    </svg>
  );
}

function TrashIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
    </svg>
  );
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
