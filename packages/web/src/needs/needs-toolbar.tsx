import { Button, Group, Select, TextInput } from '@mantine/core';
import type { NeedStatus } from '../api/types';
import { STATUS_LABELS } from '../reference/labels';

interface NeedsToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  status: NeedStatus | null;
  onStatus: (value: NeedStatus | null) => void;
  canEdit: boolean;
  onAdd: () => void;
}

const STATUS_OPTIONS = (['confirmed', 'proposed', 'rejected'] as const).map((status) => ({ value: status, label: STATUS_LABELS[status] }));

function isStatus(value: string | null): value is NeedStatus {
  return STATUS_OPTIONS.some((option) => option.value === value);
}

export function NeedsToolbar({ search, onSearch, status, onStatus, canEdit, onAdd }: NeedsToolbarProps) {
  return (
    <Group justify="space-between" align="flex-end">
      <Group align="flex-end">
        <TextInput
          label="Rechercher"
          placeholder="Code CPV (ex. 3019) ou libellé"
          value={search}
          onChange={(event) => onSearch(event.currentTarget.value)}
          w={320}
          type="search"
        />
        <Select
          label="Statut"
          placeholder="Tous les statuts"
          data={STATUS_OPTIONS}
          value={status}
          onChange={(value) => onStatus(isStatus(value) ? value : null)}
          clearable
          w={190}
        />
      </Group>
      {canEdit && <Button onClick={onAdd}>Ajouter un besoin</Button>}
    </Group>
  );
}
