import { Badge, Button, Group, Paper, SimpleGrid, Spoiler, Table, Text, Title } from '@mantine/core';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';
import { recipeOrigin } from './recipe-form-values';
import { RecipeOriginBadge } from './recipe-origin-badge';
import type { Recipe } from './recipe-types';

interface RecipeCardProps {
  recipe: Recipe;
  cpvLabel: string | null;
  competenceLabel: (code: string) => string;
  canEdit: boolean;
  onEdit: (recipe: Recipe) => void;
  /** Deletes a territory recipe, or restores the shipped version of an edited one. */
  onRemove: (recipe: Recipe) => void;
}

/** One recipe: product, inputs per unit, required competences with weights, source; edit buttons for facilitators. */
export function RecipeCard({ recipe, cpvLabel, competenceLabel, canEdit, onEdit, onRemove }: RecipeCardProps) {
  const origin = recipeOrigin(recipe);
  const perUnit = unitName(recipe.unit, 1);
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`Recette ${recipe.label}`} id={`recette-${recipe.id}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <div>
          <Group gap="xs" mb={4}>
            <Title order={2} size="h4">
              {recipe.label}
            </Title>
            <RecipeOriginBadge origin={origin} />
          </Group>
          <Text size="sm" c="dimmed">
            Produit :{' '}
            <Text span ff="monospace" size="sm">
              {recipe.productCpvCode}
            </Text>
            {cpvLabel ? ` — ${cpvLabel}` : ''} · quantités pour 1 {perUnit}
          </Text>
        </div>
        {canEdit && (
          <Group gap={6} wrap="nowrap">
            <Button size="xs" variant="default" onClick={() => onEdit(recipe)} aria-label={`Modifier la recette « ${recipe.label} »`}>
              Modifier
            </Button>
            {origin === 'edited' && (
              <Button size="xs" variant="subtle" color="orange" onClick={() => onRemove(recipe)}>
                Rétablir la recette fournie
              </Button>
            )}
            {origin === 'territory' && (
              <Button size="xs" variant="subtle" color="red" onClick={() => onRemove(recipe)}>
                Supprimer
              </Button>
            )}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <div>
          <Text size="sm" fw={600} mb={4}>
            {`Intrants pour 1 ${perUnit}`}
          </Text>
          <Table striped withTableBorder verticalSpacing={4} aria-label={`Intrants de « ${recipe.label} »`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Intrant</Table.Th>
                <Table.Th>Code CPV</Table.Th>
                <Table.Th ta="right">Quantité</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {recipe.inputs.map((input) => (
                <Table.Tr key={`${input.label}-${input.cpvCode ?? ''}`}>
                  <Table.Td>
                    <Text size="sm">{input.label}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" ff="monospace" c={input.cpvCode ? undefined : 'dimmed'}>
                      {input.cpvCode ?? 'aucun'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{`${formatNumber(input.quantityPerUnit)} ${unitName(input.unit, input.quantityPerUnit)}`}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <div>
          <Text size="sm" fw={600} mb={4}>
            Compétences nécessaires (poids)
          </Text>
          <Group gap={6} mb="sm" aria-label={`Compétences de « ${recipe.label} »`}>
            {recipe.competences.map((c) => (
              <Badge key={c.code} size="md" variant="light" color="blue" tt="none">
                {`${competenceLabel(c.code)} · ${formatNumber(c.weight)}`}
              </Badge>
            ))}
          </Group>
          <Text size="sm" fw={600} mb={2}>
            Source
          </Text>
          <Spoiler maxHeight={60} showLabel={<Text size="xs">Lire la suite</Text>} hideLabel={<Text size="xs">Réduire</Text>}>
            <Text size="xs">{recipe.provenance}</Text>
          </Spoiler>
        </div>
      </SimpleGrid>
    </Paper>
  );
}
