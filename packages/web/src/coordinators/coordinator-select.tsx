import { Select } from '@mantine/core';
import type { CoordinatorBoard } from '../opportunities/opportunity-types';

type BoardItem = CoordinatorBoard['items'][number];

interface CoordinatorSelectProps {
  item: BoardItem;
  isSaving: boolean;
  onChange: (organizationId: string) => void;
}

/** The members of a groupement, each with the load it already carries, to impose another coordinator. */
export function CoordinatorSelect({ item, isSaving, onChange }: CoordinatorSelectProps) {
  const options = [...item.members]
    .sort((a, b) => a.load - b.load || a.name.localeCompare(b.name, 'fr'))
    .map((m) => ({ value: m.organizationId, label: `${m.name} · charge ${m.load} pt${m.load > 1 ? 's' : ''}` }));
  return (
    <Select
      data={options}
      value={item.coordinator.organizationId}
      onChange={(value) => value && value !== item.coordinator.organizationId && onChange(value)}
      allowDeselect={false}
      disabled={isSaving}
      searchable
      w={360}
      aria-label={`Coordonnateur de ${item.family.label}`}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
