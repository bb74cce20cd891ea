import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { RunningContractDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import type { Organization, Page } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { formatEuros } from '../../format/money';
import { ActionsCell, ListTable } from '../list-table';
import { CensusImportModal } from '../../imports/census-import-modal';
import { downloadUrl } from '../../imports/upload-file';
import { ConfirmModal } from '../confirm-modal';
import { countOf, formatDateFr } from '../format-date-time';
import { ContractFormModal } from './contract-form-modal';
import { finalEnd } from './contract-dates';

/** A buyer's running contracts: see, correct, add, delete and import them; the calendars depend on them. */
export default function ContractsPage({ organizationId, territorySlug }: { organizationId: string; territorySlug: string | null }) {
  const { session } = useSession();
  const organization = useApi<Organization>(`/organizations/${encodeURIComponent(organizationId)}`);
  const { data, error, reload } = useApi<Page<RunningContractDto>>('/contracts', {
    territory: territorySlug ?? undefined,
    organization: organizationId,
    limit: 200,
  });
  const [editing, setEditing] = useState<RunningContractDto | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<RunningContractDto | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const canEdit = session.roles.some(
    (r) => (r.role === 'member' && r.organizationId === organizationId) || (r.role === 'facilitator' && r.territorySlug === territorySlug),
  );
  const contracts = data?.items ?? [];
  if (error) {
    return (
      <Alert color="red" title="Contrats indisponibles">
        {error.status === 403 || error.status === 404 ? 'Ces contrats n’existent pas ou ne vous sont pas ouverts.' : error.message}
      </Alert>
    );
  }
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Contrats en cours</Title>
          <Text c="dimmed">
            {organization.data ? `${organization.data.name} · leurs échéances décident quand vous pourrez rejoindre un groupement` : ' '}
          </Text>
        </div>
        {canEdit && (
          <Group gap="sm">
            {territorySlug && (
              <Anchor
                href={downloadUrl(`/territories/${encodeURIComponent(territorySlug)}/census/template.xlsx`, {
                  organization: organizationId,
                })}
              >
                Modèle de classeur
              </Anchor>
            )}
            <Button variant="light" onClick={() => setIsImporting(true)}>
              Importer un classeur
            </Button>
            <Button onClick={() => setEditing(null)}>Ajouter un contrat</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder radius="md">
        {data === null ? (
          <Loader m="md" aria-label="Chargement des contrats" />
        ) : contracts.length === 0 ? (
          <Stack align="center" py="xl" px="md" gap="xs">
            <Text fw={600}>Aucun contrat en cours</Text>
            <Text c="dimmed" ta="center" maw={560}>
              Indiquez vos marchés et accords-cadres en cours : leur date de fin, leurs reconductions et leur préavis disent à partir de
              quand vous pourrez entrer dans un achat groupé.
            </Text>
            {canEdit && (
              <Button onClick={() => setEditing(null)} maw="100%" h="auto" py={8} styles={{ label: { whiteSpace: 'normal' } }}>
                Ajouter un premier contrat
              </Button>
            )}
          </Stack>
        ) : (
          <ListTable
            label="Contrats en cours"
            minWidth={960}
            striped
            hasActions={canEdit}
            head={
              <>
                <Table.Th>Contrat</Table.Th>
                <Table.Th>Titulaire</Table.Th>
                <Table.Th>Début</Table.Th>
                <Table.Th>Reconductions</Table.Th>
                <Table.Th>Préavis</Table.Th>
                <Table.Th>Fin au plus tard</Table.Th>
                <Table.Th ta="right">Montant HT</Table.Th>
              </>
            }
          >
            {contracts.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fw={600}>{c.label}</Text>
                  <Text
                    size="xs"
                    c="dimmed"
                  >{`${c.reference} · CPV ${c.cpvCode} · ${c.nature === 'accord_cadre' ? 'accord-cadre' : 'marché'}`}</Text>
                </Table.Td>
                <Table.Td>{c.holderName ?? '—'}</Table.Td>
                <Table.Td>{`${formatDateFr(c.startDate)}, ${c.durationMonths} mois`}</Table.Td>
                <Table.Td>{c.renewalCount === 0 ? 'aucune' : `${c.renewalsUsed} sur ${c.renewalCount} × ${c.renewalMonths} mois`}</Table.Td>
                <Table.Td>{c.noticeMonths === 0 ? '—' : `${c.noticeMonths} mois`}</Table.Td>
                <Table.Td>{formatDateFr(finalEnd(c))}</Table.Td>
                <Table.Td ta="right">{c.pricesHidden ? 'masqué' : formatEuros(c.amountCents)}</Table.Td>
                {canEdit && (
                  <ActionsCell gap={4}>
                    <Button size="xs" variant="subtle" onClick={() => setEditing(c)} aria-label={`Modifier ${c.reference}`}>
                      Modifier
                    </Button>
                    <Button size="xs" variant="subtle" color="red" onClick={() => setDeleting(c)} aria-label={`Supprimer ${c.reference}`}>
                      Supprimer
                    </Button>
                  </ActionsCell>
                )}
              </Table.Tr>
            ))}
          </ListTable>
        )}
      </Paper>
      <ContractFormModal
        organizationId={organizationId}
        contract={editing}
        onClose={() => setEditing(undefined)}
        onSaved={(saved) => {
          notifications.show({ color: 'teal', message: `Contrat « ${saved.reference} » enregistré.` });
          setEditing(undefined);
          reload();
        }}
      />
      <CensusImportModal
        organizationId={organizationId}
        target="contracts"
        opened={isImporting}
        onClose={() => setIsImporting(false)}
        onImported={(result) => {
          notifications.show({
            color: 'teal',
            message: `${countOf(result.stored.created, 'contrat ajouté', 'contrats ajoutés')}, ${countOf(result.stored.updated, 'mis à jour', 'mis à jour')}.`,
          });
          reload();
        }}
      />
      <ConfirmModal
        opened={deleting !== null}
        title="Supprimer le contrat"
        message={`Le contrat « ${deleting?.reference ?? ''} » ne comptera plus dans les calendriers.`}
        confirmLabel="Supprimer"
        onCancel={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return;
          try {
            await api.delete(`/contracts/${encodeURIComponent(deleting.id)}`);
            setDeleting(null);
            reload();
          } catch (caught) {
            notifications.show({
              color: 'red',
              title: 'Suppression impossible',
              message: isApiError(caught) ? caught.message : 'Réessayez.',
            });
          }
        }}
      />
    </Stack>
  );
}
