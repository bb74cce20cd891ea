import { Button, CloseButton, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { CpvAutocomplete } from '../needs/cpv-autocomplete';
import { isUnitCode, UNIT_OPTIONS, unitName } from '../reference/units';
import { emptyInputRow, type RecipeInputRow } from './recipe-form-values';

interface RecipeInputsFieldProps {
  rows: RecipeInputRow[];
  /** Unit of the product: quantities are per one of it. */
  productUnit: string | null;
  errorOf: (key: string) => string | undefined;
  /** `touched`: the error key the change makes stale. */
  onChange: (rows: RecipeInputRow[], touched: string) => void;
}

/** The inputs of a recipe, one bordered row each: what it is, its CPV code if any, how much per unit of product. */
export function RecipeInputsField({ rows, productUnit, errorOf, onChange }: RecipeInputsFieldProps) {
  const perUnit = productUnit ? unitName(productUnit, 1) : 'unité';
  const update = (index: number, patch: Partial<RecipeInputRow>) =>
    onChange(
      rows.map((row, i) => (i === index ? { ...row, ...patch } : row)),
      `inputs.${index}`,
    );
  return (
    <Stack gap={6}>
      <div>
        <Text size="sm" fw={500}>
          Intrants
        </Text>
        <Text size="xs" c="dimmed">
          {`Ce qu’il faut pour fabriquer 1 ${perUnit} de produit : matières, emballages, transport. Le code CPV est facultatif ; il sert à trouver les entreprises locales qui fournissent l’intrant.`}
        </Text>
      </div>
      {rows.map((row, index) => (
        <Paper key={row.key} withBorder p="xs" radius="sm" role="group" aria-label={`Intrant ${index + 1} : ${row.label}`}>
          <Group align="flex-start" gap="xs" wrap="nowrap">
            <TextInput
              label="Intrant"
              withAsterisk
              placeholder="ex. Éthanol 96 % v/v"
              style={{ flex: 3 }}
              value={row.label}
              onChange={(event) => update(index, { label: event.currentTarget.value })}
              error={errorOf(`inputs.${index}.label`)}
            />
            <div style={{ flex: 2, minWidth: 0 }}>
              <CpvAutocomplete
                label="Code CPV (facultatif)"
                isRequired={false}
                isDescriptionBelow
                value={row.cpvCode}
                error={errorOf(`inputs.${index}.cpvCode`)}
                onChange={(cpvCode) => update(index, { cpvCode })}
                onPick={(entry) => update(index, { cpvCode: entry.code, label: row.label || entry.labelFr })}
              />
            </div>
            <NumberInput
              label={`Quantité pour 1 ${perUnit}`}
              withAsterisk
              w={150}
              min={0}
              decimalScale={3}
              decimalSeparator=","
              thousandSeparator=" "
              value={row.quantityPerUnit ?? ''}
              onChange={(value) => update(index, { quantityPerUnit: typeof value === 'number' ? value : null })}
              error={errorOf(`inputs.${index}.quantityPerUnit`)}
            />
            <Select
              label="Unité"
              withAsterisk
              w={170}
              data={UNIT_OPTIONS}
              allowDeselect={false}
              value={row.unit}
              onChange={(unit) => unit && isUnitCode(unit) && update(index, { unit })}
              error={errorOf(`inputs.${index}.unit`)}
              comboboxProps={{ withinPortal: true }}
            />
            <CloseButton
              mt={26}
              aria-label={`Retirer l’intrant ${index + 1}${row.label ? ` « ${row.label} »` : ''}`}
              onClick={() =>
                onChange(
                  rows.filter((_, i) => i !== index),
                  'inputs',
                )
              }
            />
          </Group>
        </Paper>
      ))}
      {errorOf('inputs') && (
        <Text size="xs" c="red">
          {errorOf('inputs')}
        </Text>
      )}
      <Group>
        <Button variant="light" size="xs" onClick={() => onChange([...rows, emptyInputRow()], 'inputs')}>
          Ajouter un intrant
        </Button>
      </Group>
    </Stack>
  );
}
