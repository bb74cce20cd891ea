import { Alert, Group, Loader, Pagination, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import type { Need, NeedStatus, Organization } from '../api/types';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { OwnAssemblyPacks } from '../groupements/assembly-packs';
import { formatNumber } from '../format/number';
import { DeleteNeedModal } from './delete-need-modal';
import { NeedFormModal } from './need-form-modal';
import { NeedsEmptyState } from './needs-empty-state';
import { NeedsTable } from './needs-table';
import { NeedsToolbar } from './needs-toolbar';
import { CensusImportButton } from '../imports/census-import-button';
import { useCpvLabels } from './use-cpv-labels';
import { NEEDS_PAGE_SIZE, useNeedsQuery } from './use-needs-query';

interface NeedsPageProps {
  organizationId: string;
  territorySlug: string | null;
}

function showFailure(title: string, error: unknown) {
  notifications.show({ color: 'red', title, message: isApiError(error) ? error.message : 'Réessayez dans un instant.' });
}

export default function NeedsPage({ organizationId, territorySlug }: NeedsPageProps) {
  const { session } = useSession();
  const organization = useApi<Organization>(`/organizations/${encodeURIComponent(organizationId)}`);
  const query = useNeedsQuery(organizationId, territorySlug);
  const needs = query.data?.items ?? [];
  const cpvLabel = useCpvLabels(needs);
  const [editing, setEditing] = useState<Need | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<Need | null>(null);

  const canEdit = session.roles.some(
    (role) =>
      (role.role === 'member' && role.organizationId === organizationId) ||
      (role.role === 'facilitator' && role.territorySlug === territorySlug),
  );

  const saved = (need: Need, isNew: boolean) => {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: isNew ? `Besoin « ${need.label} » ajouté.` : `Besoin « ${need.label} » enregistré.` });
    query.reload();
  };
  const remove = async (need: Need) => {
    try {
      await api.delete(`/needs/${need.id}`);
      setDeleting(null);
      notifications.show({ color: 'teal', message: `Besoin « ${need.label} » supprimé.` });
      query.reload();
    } catch (error) {
      showFailure('Suppression impossible', error);
    }
  };
  const setStatus = async (need: Need, status: NeedStatus) => {
    try {
      // DECP-proposed needs carry an amount without quantity: dedicated routes change only their status.
      await api.post(`/needs/${need.id}/${status === 'confirmed' ? 'confirm' : 'reject'}`);
      notifications.show({ color: 'teal', message: status === 'confirmed' ? 'Besoin confirmé.' : 'Besoin rejeté.' });
      query.reload();
    } catch (error) {
      showFailure('Modification impossible', error);
    }
  };

  if (organization.error || query.error) {
    const error = organization.error ?? query.error;
    const message =
      error?.status === 403 || error?.status === 404 ? 'Ce recensement n’existe pas ou ne vous est pas ouvert.' : error?.message;
    return (
      <Alert color="red" title="Recensement indisponible">
        {message}
      </Alert>
    );
  }

  const total = query.data?.total ?? 0;
  const first = (query.page - 1) * NEEDS_PAGE_SIZE + 1;
  const isFiltered = query.search.trim() !== '' || query.status !== null;
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <div>
        <Title order={1}>Recensement des besoins</Title>
        <Text c="dimmed">{organization.data ? `${organization.data.name} · besoins annuels, montants hors taxes` : ' '}</Text>
      </div>
      {canEdit && <CensusImportButton organizationId={organizationId} territorySlug={territorySlug} onImported={query.reload} />}
      <Paper withBorder p="md" radius="md">
        <Stack>
          <NeedsToolbar
            search={query.search}
            onSearch={query.setSearch}
            status={query.status}
            onStatus={query.setStatus}
            canEdit={canEdit}
            onAdd={() => setEditing(null)}
          />
          {query.data === null ? (
            <Group justify="center" py="xl">
              <Loader aria-label="Chargement des besoins" />
            </Group>
          ) : needs.length === 0 ? (
            <NeedsEmptyState isFiltered={isFiltered} canEdit={canEdit} onAdd={() => setEditing(null)} />
          ) : (
            <NeedsTable
              isStale={query.isLoading}
              needs={needs}
              cpvLabel={cpvLabel}
              canEdit={canEdit}
              onEdit={setEditing}
              onDelete={setDeleting}
              onSetStatus={setStatus}
            />
          )}
          {total > 0 && (
            <Group justify="space-between">
              <Text size="sm" c="dimmed" aria-live="polite">
                {`Besoins ${formatNumber(first)} à ${formatNumber(first + needs.length - 1)} sur ${formatNumber(total)}`}
              </Text>
              <Pagination total={query.pageCount} value={query.page} onChange={query.setPage} getControlProps={paginationLabels} />
            </Group>
          )}
        </Stack>
      </Paper>
      {territorySlug && <OwnAssemblyPacks organizationId={organizationId} territorySlug={territorySlug} />}
      <NeedFormModal
        need={editing}
        organizationId={organizationId}
        cpvLabel={cpvLabel}
        onClose={() => setEditing(undefined)}
        onSaved={saved}
      />
      <DeleteNeedModal need={deleting} onCancel={() => setDeleting(null)} onConfirm={remove} />
    </Stack>
  );
}

function paginationLabels(control: 'first' | 'previous' | 'last' | 'next') {
  const labels = { first: 'Première page', previous: 'Page précédente', next: 'Page suivante', last: 'Dernière page' };
  return { 'aria-label': labels[control] };
}
