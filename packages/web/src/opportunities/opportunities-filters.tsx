import { Group, Select, Switch } from '@mantine/core';
import type { Organization } from '../api/types';
import { departementLabel } from '../reference/departements';
import type { PurchaseFamily } from '../families/family-types';
import type { OpportunitySort } from './opportunity-types';
import { PROCEDURE_FILTER_OPTIONS, PROCEDURE_KIND_ORDER, type ProcedureKind } from './procedure-kinds';
import type { OpportunityFilters } from './use-opportunities-query';
import { FrenchDateInput } from '../dates/french-date-input';

interface OpportunitiesFiltersProps {
  filters: OpportunityFilters;
  onChange: (change: Partial<OpportunityFilters>) => void;
  families: PurchaseFamily[];
  buyers: Organization[];
  /** Rarely pooled opportunities matching the other filters (null while loading). */
  rareCount: number | null;
}

const SORT_OPTIONS: { value: OpportunitySort; label: string }[] = [
  { value: 'poolability', label: 'Mutualisabilité' },
  { value: 'amount', label: 'Montant mutualisé seul' },
  { value: 'savings', label: 'Économies (valeur centrale)' },
  { value: 'startDate', label: 'Date de démarrage' },
];

function isSort(value: string | null): value is OpportunitySort {
  return SORT_OPTIONS.some((option) => option.value === value);
}

function isProcedure(value: string | null): value is ProcedureKind {
  return (PROCEDURE_KIND_ORDER as readonly (string | null)[]).includes(value);
}

export function OpportunitiesFilters({ filters, onChange, families, buyers, rareCount }: OpportunitiesFiltersProps) {
  const departements = [...new Set(buyers.map((b) => b.departementCode))]
    .sort()
    .map((code) => ({ value: code, label: departementLabel(code) }));
  return (
    <Group align="flex-end" gap="md">
      <Select
        label="Famille d’achat"
        placeholder="Toutes les familles"
        data={families.map((f) => ({ value: f.id, label: f.name }))}
        value={filters.family}
        onChange={(family) => onChange({ family })}
        clearable
        searchable
        w={280}
      />
      <Select
        label="Département"
        placeholder="Tous"
        data={departements}
        value={filters.departement}
        onChange={(departement) => onChange({ departement })}
        clearable
        w={190}
      />
      <Select
        label="Procédure"
        placeholder="Toutes"
        data={PROCEDURE_FILTER_OPTIONS}
        value={filters.procedure}
        onChange={(value) => onChange({ procedure: isProcedure(value) ? value : null })}
        clearable
        w={170}
      />
      <FrenchDateInput
        label="Analyse à la date du"
        description="Vide : aujourd’hui"
        value={filters.at}
        onChange={(at) => onChange({ at })}
        clearable
        w={170}
      />
      <Select
        label="Trier par"
        data={SORT_OPTIONS}
        value={filters.sort}
        onChange={(value) => onChange({ sort: isSort(value) ? value : 'poolability' })}
        allowDeselect={false}
        w={230}
      />
      <Switch
        label="Besoins confirmés seulement"
        checked={filters.confirmedOnly}
        onChange={(event) => onChange({ confirmedOnly: event.currentTarget.checked })}
        mb={8}
      />
      <Switch
        label={`Afficher les opportunités rarement mutualisées${rareCount === null ? '' : ` (${rareCount})`}`}
        description="Travaux liés à un site, prestations intellectuelles ponctuelles"
        checked={filters.includeRare}
        onChange={(event) => onChange({ includeRare: event.currentTarget.checked })}
        mb={8}
      />
    </Group>
  );
}
