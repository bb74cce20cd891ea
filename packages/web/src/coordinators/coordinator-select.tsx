import { countFr } from '@mutualis/contract';
import { Group, Select, Text } from '@mantine/core';
import type { CoordinatorBoard } from '../opportunities/opportunity-types';

type BoardItem = CoordinatorBoard['items'][number];

interface CoordinatorSelectProps {
  item: BoardItem;
  isSaving: boolean;
  onChange: (organizationId: string) => void;
}

/** The members of a groupement, each with the load it already carries, to impose another coordinator. */
export function CoordinatorSelect({ item, isSaving, onChange }: CoordinatorSelectProps) {
  const members = [...item.members].sort((a, b) => a.load - b.load || a.name.localeCompare(b.name, 'fr'));
  const loads = new Map(members.map((m) => [m.organizationId, m.load]));
  const options = members.map((m) => ({ value: m.organizationId, label: m.name }));
  return (
    <Select
      data={options}
      value={item.coordinator.organizationId}
      onChange={(value) => value && value !== item.coordinator.organizationId && onChange(value)}
      allowDeselect={false}
      disabled={isSaving}
      searchable
      w={420}
      renderOption={({ option }) => {
        const load = loads.get(option.value) ?? 0;
        return (
          <Group justify="space-between" w="100%" wrap="nowrap">
            <Text size="sm">{option.label}</Text>
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {load === 0 ? 'ne coordonne rien' : `charge actuelle ${countFr(load, 'pt')}`}
            </Text>
          </Group>
        );
      }}
      aria-label={`Coordonnateur de ${item.family.label}`}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
