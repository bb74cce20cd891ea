import { Alert, Button, Center, Group, Loader, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useSession } from '../auth/session-context';
import { FamiliesList } from './families-list';
import { FamilyFormModal } from './family-form-modal';
import type { PurchaseFamily } from './family-types';
import { useFamilies } from './use-families';

interface FamiliesPageProps {
  slug: string;
}

export default function FamiliesPage({ slug }: FamiliesPageProps) {
  const { session } = useSession();
  const { families, error, isLoading, reload } = useFamilies(slug);
  const [editing, setEditing] = useState<PurchaseFamily | null | undefined>(undefined);
  const [deleting, setDeleting] = useState<PurchaseFamily | null>(null);
  const canEdit = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');

  const saved = (family: PurchaseFamily, isNew: boolean) => {
    setEditing(undefined);
    notifications.show({
      color: 'teal',
      message: isNew ? `Famille « ${family.name} » ajoutée.` : `Famille « ${family.name} » enregistrée.`,
    });
    reload();
  };
  const remove = async (family: PurchaseFamily) => {
    try {
      await api.delete(`/territories/${encodeURIComponent(slug)}/families/${encodeURIComponent(family.id)}`);
      setDeleting(null);
      notifications.show({ color: 'teal', message: `Famille « ${family.name} » supprimée.` });
      reload();
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Suppression impossible', message: isApiError(caught) ? caught.message : 'Réessayez.' });
    }
  };

  if (error)
    return (
      <Alert color="red" title="Familles indisponibles">
        {error.status === 403 || error.status === 404 ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.' : error.message}
      </Alert>
    );
  const own = families.filter((f) => !f.isShipped);
  const shipped = families.filter((f) => f.isShipped);
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Familles d’achat</Title>
          <Text c="dimmed">
            Fournitures homogènes (R2121-6) que l’analyse regroupe : codes CPV, mots-clés des libellés, et l’élasticité volume qui fonde
            l’estimation des économies.
          </Text>
        </div>
        {canEdit && <Button onClick={() => setEditing(null)}>Ajouter une famille</Button>}
      </Group>
      {isLoading && families.length === 0 ? (
        <Center py="xl">
          <Loader aria-label="Chargement des familles" />
        </Center>
      ) : (
        <>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {`Familles du territoire (${own.length})`}
            </Title>
            {own.length === 0 ? (
              <Text c="dimmed" size="sm">
                Aucune famille propre au territoire. Les familles livrées avec Mutualis s’appliquent.
              </Text>
            ) : (
              <FamiliesList families={own} canEdit={canEdit} onEdit={setEditing} onDelete={setDeleting} />
            )}
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              {`Familles livrées avec Mutualis (${shipped.length}, non modifiables)`}
            </Title>
            <FamiliesList families={shipped} canEdit={false} onEdit={setEditing} onDelete={setDeleting} />
          </Paper>
        </>
      )}
      <FamilyFormModal slug={slug} family={editing} onClose={() => setEditing(undefined)} onSaved={saved} />
      <Modal opened={deleting !== null} onClose={() => setDeleting(null)} title="Supprimer cette famille ?" centered>
        <Text size="sm" mb="md">
          {`« ${deleting?.name ?? ''} » ne servira plus à regrouper les besoins ; les besoins eux-mêmes sont conservés.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setDeleting(null)}>
            Annuler
          </Button>
          <Button color="red" onClick={() => deleting && void remove(deleting)}>
            Supprimer
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
