import { Badge, Button, Group, Spoiler, Table, Text } from '@mantine/core';
import type { PurchaseFamily } from './family-types';

interface FamiliesListProps {
  families: PurchaseFamily[];
  canEdit: boolean;
  onEdit: (family: PurchaseFamily) => void;
  onDelete: (family: PurchaseFamily) => void;
}

const decimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

export function FamiliesList({ families, canEdit, onEdit, onDelete }: FamiliesListProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped verticalSpacing="sm" aria-label="Familles d’achat">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Famille</Table.Th>
            <Table.Th>Codes CPV</Table.Th>
            <Table.Th>Mots-clés</Table.Th>
            <Table.Th>Élasticité (basse · centrale · haute)</Table.Th>
            <Table.Th w={360}>Source de l’élasticité</Table.Th>
            {canEdit && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {families.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>
                <Text fw={600} size="sm">
                  {f.name}
                </Text>
                <Badge size="xs" variant="light" color={f.isShipped ? 'gray' : 'teal'} style={{ textTransform: 'none' }}>
                  {f.isShipped ? 'livrée avec Mutualis' : 'propre au territoire'}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {f.cpvCodes.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="xs">{f.keywords.join(', ') || '—'}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {`${decimal.format(f.elasticity.low)} · ${decimal.format(f.elasticity.central)} · ${decimal.format(f.elasticity.high)}`}
              </Table.Td>
              <Table.Td>
                <Spoiler maxHeight={56} showLabel={<Text size="xs">Lire la suite</Text>} hideLabel={<Text size="xs">Réduire</Text>}>
                  <Text size="xs">{f.elasticity.provenance}</Text>
                </Spoiler>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  {!f.isShipped && (
                    <Group gap={6} wrap="nowrap" justify="flex-end">
                      <Button size="compact-xs" variant="default" onClick={() => onEdit(f)} aria-label={`Modifier « ${f.name} »`}>
                        Modifier
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        color="red"
                        onClick={() => onDelete(f)}
                        aria-label={`Supprimer « ${f.name} »`}
                      >
                        Supprimer
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
