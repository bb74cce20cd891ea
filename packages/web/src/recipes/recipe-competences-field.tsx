import { Button, CloseButton, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { emptyCompetenceRow, type RecipeCompetenceRow } from './recipe-form-values';
import type { Competence } from './recipe-types';

interface RecipeCompetencesFieldProps {
  rows: RecipeCompetenceRow[];
  vocabulary: Competence[];
  errorOf: (key: string) => string | undefined;
  onChange: (rows: RecipeCompetenceRow[], touched: string) => void;
}

const KIND_GROUPS: Record<Competence['kind'], string> = { process: 'Procédés', skill: 'Savoir-faire', equipment: 'Équipements' };

/** Competences a firm needs to make the product, picked from the shared vocabulary, each with its weight. */
export function RecipeCompetencesField({ rows, vocabulary, errorOf, onChange }: RecipeCompetencesFieldProps) {
  const update = (index: number, patch: Partial<RecipeCompetenceRow>) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      `competences.${index}`,
    );
  const optionsFor = (row: RecipeCompetenceRow) => {
    // A competence already picked in another row is left out: each counts once in a firm's coverage.
    const takenElsewhere = new Set(rows.filter((other) => other !== row).map((other) => other.code));
    return Object.entries(KIND_GROUPS).map(([kind, group]) => ({
      group,
      items: vocabulary.filter((c) => c.kind === kind && !takenElsewhere.has(c.code)).map((c) => ({ value: c.code, label: c.labelFr })),
    }));
  };
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          Compétences nécessaires{' '}
          <Text span c="red">
            *
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          Ce qu’une entreprise doit savoir faire ou posséder pour fabriquer le produit. Le poids dit l’importance de chaque compétence : une
          entreprise qui a des compétences pesant 6 sur un total de 12 est couverte à 50 %. Les recettes fournies utilisent 1 (utile), 2
          (importante) et 3 (indispensable).
        </Text>
      </div>
      {rows.map((row, index) => (
        <Group key={row.key} align="flex-start" gap="xs" wrap="nowrap" role="group" aria-label={`Compétence ${index + 1}`}>
          <Select
            aria-label={`Compétence ${index + 1}`}
            placeholder="Chercher une compétence"
            searchable
            nothingFoundMessage="Aucune compétence de ce nom"
            style={{ flex: 1 }}
            data={optionsFor(row)}
            value={row.code}
            onChange={(code) => update(index, { code })}
            error={errorOf(`competences.${index}.code`)}
            comboboxProps={{ withinPortal: true }}
          />
          <NumberInput
            aria-label={`Poids de la compétence ${index + 1}`}
            leftSection={
              <Text size="xs" c="dimmed">
                poids
              </Text>
            }
            leftSectionWidth={48}
            w={130}
            min={0}
            max={100}
            decimalScale={2}
            decimalSeparator=","
            value={row.weight ?? ''}
            onChange={(value) => update(index, { weight: typeof value === 'number' ? value : null })}
            error={errorOf(`competences.${index}.weight`)}
          />
          <CloseButton
            mt={8}
            aria-label={`Retirer la compétence ${index + 1}`}
            onClick={() =>
              onChange(
                rows.filter((_, i) => i !== index),
                'competences',
              )
            }
          />
        </Group>
      ))}
      {errorOf('competences') && (
        <Text size="xs" c="red">
          {errorOf('competences')}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, emptyCompetenceRow()], 'competences')}>
          Ajouter une compétence
        </Button>
      </Group>
    </Stack>
  );
}
