import { TagsInput } from '@mantine/core';
import { CSR_SUGGESTIONS } from '../reference/labels';

interface CsrRequirementsInputProps {
  value: string[];
  error?: string;
  onChange: (items: string[]) => void;
}

export function CsrRequirementsInput({ value, error, onChange }: CsrRequirementsInputProps) {
  return (
    <TagsInput
      label="Exigences sociales et environnementales (RSE)"
      placeholder={value.length === 0 ? 'Choisissez ou tapez une clause, puis Entrée' : undefined}
      data={CSR_SUGGESTIONS}
      value={value}
      onChange={onChange}
      error={error}
      clearable
      comboboxProps={{ withinPortal: true }}
    />
  );
}
