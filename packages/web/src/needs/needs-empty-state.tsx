import { Button, Stack, Text } from '@mantine/core';

interface NeedsEmptyStateProps {
  isFiltered: boolean;
  canEdit: boolean;
  onAdd: () => void;
}

export function NeedsEmptyState({ isFiltered, canEdit, onAdd }: NeedsEmptyStateProps) {
  if (isFiltered) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        Aucun besoin ne correspond à cette recherche.
      </Text>
    );
  }
  return (
    <Stack align="center" py="xl" gap="xs">
      <Text fw={600}>Aucun besoin recensé</Text>
      <Text c="dimmed" ta="center" maw={520}>
        Listez ici ce que votre organisation achète chaque année : un code CPV, une quantité et un prix suffisent pour repérer les achats à
        mutualiser avec les autres membres du territoire.
      </Text>
      {canEdit && <Button onClick={onAdd}>Ajouter un premier besoin</Button>}
    </Stack>
  );
}
