import { Autocomplete, Loader, type MantineSize, Text } from '@mantine/core';
import { useState } from 'react';
import type { CpvEntry } from '../api/types';
import { useReferenceSearch } from '../reference/use-reference-search';

interface CpvAutocompleteProps {
  value: string;
  /** Label of the current code when known (editing an existing need). */
  initialLabel?: string | null;
  error?: string;
  /** Field label; "Code CPV" by default. */
  label?: string;
  /** Whether the field shows the required asterisk (default true). */
  isRequired?: boolean;
  /** Show the code's label under the input rather than above it (keeps a row of fields aligned). */
  isDescriptionBelow?: boolean;
  size?: MantineSize;
  onChange: (code: string) => void;
  onPick: (entry: CpvEntry) => void;
}

/** CPV code field: type a code or words ("papier", "3019"), pick among the nomenclature. */
export function CpvAutocomplete({
  value,
  initialLabel,
  error,
  label: fieldLabel = 'Code CPV',
  isRequired = true,
  isDescriptionBelow = false,
  size,
  onChange,
  onPick,
}: CpvAutocompleteProps) {
  const { results, isSearching } = useReferenceSearch<CpvEntry>('/reference/cpv', value);
  const [picked, setPicked] = useState<CpvEntry | null>(null);
  const byCode = new Map(results.map((entry) => [entry.code, entry]));
  const label = picked?.code === value ? picked.labelFr : value === '' ? null : (byCode.get(value)?.labelFr ?? initialLabel ?? null);

  return (
    <Autocomplete
      label={fieldLabel}
      size={size}
      withAsterisk={isRequired}
      inputWrapperOrder={isDescriptionBelow ? ['label', 'input', 'description', 'error'] : undefined}
      placeholder="Code ou mots-clés, ex. « papier »"
      description={label ?? 'Nomenclature européenne, 8 chiffres'}
      value={value}
      onChange={onChange}
      onOptionSubmit={(code) => {
        const entry = byCode.get(code);
        if (!entry) return;
        setPicked(entry);
        onPick(entry);
      }}
      data={results.map((entry) => entry.code)}
      filter={({ options }) => options}
      renderOption={({ option }) => (
        <div>
          <Text size="sm" ff="monospace">
            {option.value}
          </Text>
          <Text size="xs" c="dimmed">
            {byCode.get(option.value)?.labelFr}
          </Text>
        </div>
      )}
      rightSection={isSearching ? <Loader size="xs" /> : null}
      error={error}
      maxDropdownHeight={320}
      styles={{ description: { whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } }}
      title={label ?? undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
