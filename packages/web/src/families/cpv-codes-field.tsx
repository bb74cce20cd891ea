import { CloseButton, Group, Pill, Stack, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { CpvAutocomplete } from '../needs/cpv-autocomplete';

interface CpvCodesFieldProps {
  codes: string[];
  error?: string;
  onChange: (codes: string[]) => void;
}

/** A list of CPV codes: pick each one with the needs screens' CPV autocomplete; remove with the cross. */
export function CpvCodesField({ codes, error, onChange }: CpvCodesFieldProps) {
  const [draft, setDraft] = useState('');
  const [labels, setLabels] = useState<Record<string, string>>({});
  // The autocomplete writes the picked code into the input right after the pick: that write must clear it.
  const justPicked = useRef<string | null>(null);
  const add = (code: string, label: string) => {
    if (!codes.includes(code)) onChange([...codes, code]);
    setLabels((current) => ({ ...current, [code]: label }));
    justPicked.current = code;
    setDraft('');
  };
  const type = (value: string) => {
    const isEcho = value === justPicked.current;
    justPicked.current = null;
    setDraft(isEcho ? '' : value);
  };
  return (
    <Stack gap={6}>
      <CpvAutocomplete value={draft} error={error} onChange={type} onPick={(entry) => add(entry.code, entry.labelFr)} />
      {codes.length === 0 ? (
        <Text size="xs" c="dimmed">
          Aucun code choisi : cherchez un code ou des mots, puis choisissez dans la liste.
        </Text>
      ) : (
        <Group gap={6} aria-label="Codes CPV de la famille">
          {codes.map((code) => (
            <Pill key={code} size="md" title={labels[code]}>
              <Group gap={2} wrap="nowrap">
                <Text size="xs" ff="monospace">
                  {code}
                </Text>
                <CloseButton size="xs" aria-label={`Retirer le code ${code}`} onClick={() => onChange(codes.filter((c) => c !== code))} />
              </Group>
            </Pill>
          ))}
        </Group>
      )}
    </Stack>
  );
}
