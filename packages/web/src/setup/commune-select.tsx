import { Select } from '@mantine/core';
import { useState } from 'react';
import type { Commune } from '../api/types';
import { useReferenceSearch } from '../reference/use-reference-search';

interface CommuneSelectProps {
  label: string;
  value: string | null;
  onChange: (inseeCode: string | null) => void;
  error?: string;
  /** The public search (no account needed) for forms outside the app. */
  isPublic?: boolean;
}

/** One commune, searched by name; the value is its INSEE code. */
export function CommuneSelect({ label, value, onChange, error, isPublic = false }: CommuneSelectProps) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<Commune | null>(null);
  const { results } = useReferenceSearch<Commune>(isPublic ? '/public/reference/communes' : '/reference/communes', search);
  const options = [...(picked ? [picked] : []), ...results.filter((c) => c.code !== picked?.code)];
  return (
    <Select
      label={label}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      data={options.map((c) => ({ value: c.code, label: `${c.name} (${c.departementCode})` }))}
      value={value}
      onChange={(code) => {
        setPicked(options.find((c) => c.code === code) ?? null);
        onChange(code);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={search.trim().length >= 2 ? 'Aucune commune trouvée' : 'Tapez au moins 2 lettres du nom'}
      error={error}
    />
  );
}
