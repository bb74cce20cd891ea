import { Select } from '@mantine/core';
import type { OrganizationDto, Page } from '@mutualis/contract';
import { useApi } from '../api/use-api';

const FIRM_KINDS: ReadonlySet<OrganizationDto['kind']> = new Set(['sme', 'large_company', 'association']);

interface KnownFirmPickerProps {
  territorySlug: string;
  /** The firm chosen: its SIRET, name, département and size fill the holder's fields. */
  onPick: (firm: OrganizationDto | null) => void;
}

/** Search among the territory's known firms (by name or SIRET); an unknown holder is typed in the fields below. */
export function KnownFirmPicker({ territorySlug, onPick }: KnownFirmPickerProps) {
  const organizations = useApi<Page<OrganizationDto>>('/organizations', { territory: territorySlug, limit: 200 });
  const firms = (organizations.data?.items ?? []).filter((o) => FIRM_KINDS.has(o.kind));
  const byId = new Map(firms.map((f) => [f.id, f]));
  return (
    <Select
      label="Entreprise connue du territoire"
      description={
        organizations.error
          ? `Liste indisponible (${organizations.error.message}) : saisissez le titulaire ci-dessous.`
          : 'Cherchez par nom ou SIRET ; sinon, saisissez le titulaire ci-dessous.'
      }
      placeholder={organizations.isLoading ? 'Chargement…' : `${firms.length} entreprise${firms.length > 1 ? 's' : ''}`}
      searchable
      clearable
      nothingFoundMessage="Aucune entreprise de ce nom : saisissez-la ci-dessous."
      data={firms.map((f) => ({ value: f.id, label: `${f.name} — ${f.siret} (${f.departementCode})` }))}
      onChange={(id) => onPick(id ? (byId.get(id) ?? null) : null)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
