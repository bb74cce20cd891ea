import { MultiSelect } from '@mantine/core';
import { useState } from 'react';
import type { Commune } from '../api/types';
import { useReferenceSearch } from '../reference/use-reference-search';
import { useResolvedCommunes } from './use-resolved-communes';

interface CommunesSelectProps {
  value: Commune[];
  error?: string;
  onChange: (communes: Commune[]) => void;
}

function communeLabel(commune: Commune): string {
  return commune.departementCode ? `${commune.name} (${commune.departementCode})` : commune.name;
}

/** Delivery communes, searched by name in the INSEE list; the need stores their INSEE codes. */
export function CommunesSelect({ value, error, onChange }: CommunesSelectProps) {
  const [search, setSearch] = useState('');
  useResolvedCommunes(value, onChange);
  const { results } = useReferenceSearch<Commune>('/reference/communes', search);
  const known = new Map<string, Commune>();
  for (const commune of [...value, ...results]) if (!known.has(commune.code)) known.set(commune.code, commune);

  return (
    <MultiSelect
      label="Communes de livraison"
      placeholder={value.length === 0 ? 'Où livrer ou exécuter la prestation : tapez le nom d’une commune' : undefined}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={[...known.values()].map((commune) => ({ value: commune.code, label: communeLabel(commune) }))}
      value={value.map((commune) => commune.code)}
      onChange={(codes) => onChange(codes.flatMap((code) => known.get(code) ?? []))}
      filter={({ options }) => options}
      nothingFoundMessage={search.trim().length >= 2 ? 'Aucune commune trouvée' : 'Tapez au moins 2 lettres'}
      error={error}
      hidePickedOptions
      comboboxProps={{ withinPortal: true }}
    />
  );
}
