import { Alert, Button, Center, Group, List, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useSession } from '../auth/session-context';
import { useCpvLabels } from '../needs/use-cpv-labels';
import { navigate, useLocationPath } from '../router/navigation';
import { paths } from '../router/routes';
import { RecipeCard } from './recipe-card';
import { RecipeFormModal } from './recipe-form-modal';
import { recipeOrigin } from './recipe-form-values';
import { ORIGIN_BADGES, RecipeOriginBadge } from './recipe-origin-badge';
import type { Recipe } from './recipe-types';
import { useCompetences, useRecipes } from './use-recipes';

/**
 * The territory's recipes: what a product needs (inputs, competences) to be made locally; the
 * sourcing screen uses them to find potential producers. `?modifier=<id>` opens a recipe's form.
 */
export default function RecipesPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const { recipes, error, isLoading, reload } = useRecipes(slug);
  const { competences, labelOf } = useCompetences();
  const cpvLabel = useCpvLabels(recipes.map((r) => ({ cpvCode: r.productCpvCode })));
  const [editing, setEditing] = useState<Recipe | null | undefined>(undefined);
  const [removing, setRemoving] = useState<Recipe | null>(null);
  const canEdit = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const requested = new URLSearchParams(useLocationPath().split('?')[1] ?? '').get('modifier');

  useEffect(() => {
    const recipe = recipes.find((r) => r.id === requested);
    if (!canEdit || !recipe) return;
    setEditing(recipe);
    navigate(paths.recipes(slug), { replace: true });
  }, [canEdit, recipes, requested, slug]);

  const saved = (recipe: Recipe, isNew: boolean) => {
    setEditing(undefined);
    notifications.show({ color: 'teal', message: `Recette « ${recipe.label} » ${isNew ? 'ajoutée' : 'enregistrée'}.` });
    reload();
  };
  const remove = async (recipe: Recipe) => {
    const isRestore = recipeOrigin(recipe) === 'edited';
    try {
      await api.delete(`/territories/${encodeURIComponent(slug)}/recipes/${encodeURIComponent(recipe.id)}`);
      setRemoving(null);
      notifications.show({
        color: 'teal',
        message: isRestore ? `Recette fournie « ${recipe.label} » rétablie.` : `Recette « ${recipe.label} » supprimée.`,
      });
      reload();
    } catch (caught) {
      notifications.show({ color: 'red', title: 'Action impossible', message: isApiError(caught) ? caught.message : 'Réessayez.' });
    }
  };

  if (error)
    return (
      <Alert color="red" title="Recettes indisponibles">
        {error.status === 403 || error.status === 404 ? 'Ce territoire n’existe pas ou ne vous est pas ouvert.' : error.message}
      </Alert>
    );
  const isRestoring = removing !== null && recipeOrigin(removing) === 'edited';
  return (
    <Stack gap="lg" maw={1500} mx="auto">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Recettes</Title>
          <Text c="dimmed">
            Une recette dit ce qu’il faut pour fabriquer un produit : ses intrants (matières, emballages) par unité et les compétences
            nécessaires. Le sourcing local s’en sert pour trouver les entreprises du territoire qui pourraient le produire, et celles qui
            pourraient leur fournir les intrants.
          </Text>
        </div>
        {canEdit && (
          <Button style={{ flexShrink: 0 }} onClick={() => setEditing(null)}>
            Ajouter une recette
          </Button>
        )}
      </Group>
      <List size="sm" spacing={2} aria-label="Signification des étiquettes">
        {(['shipped', 'edited', 'territory'] as const).map((origin) => (
          <List.Item key={origin} icon={<RecipeOriginBadge origin={origin} />}>
            {ORIGIN_BADGES[origin].meaning}
          </List.Item>
        ))}
      </List>
      {isLoading && recipes.length === 0 ? (
        <Center py="xl">
          <Loader aria-label="Chargement des recettes" />
        </Center>
      ) : (
        recipes.map((recipe) => (
          <RecipeCard
            key={recipe.id}
            recipe={recipe}
            cpvLabel={cpvLabel(recipe.productCpvCode)}
            competenceLabel={labelOf}
            canEdit={canEdit}
            onEdit={setEditing}
            onRemove={setRemoving}
          />
        ))
      )}
      <RecipeFormModal
        slug={slug}
        recipe={editing}
        vocabulary={competences}
        cpvLabel={cpvLabel}
        onClose={() => setEditing(undefined)}
        onSaved={saved}
      />
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={isRestoring ? 'Rétablir la recette fournie ?' : 'Supprimer cette recette ?'}
        centered
      >
        <Text size="sm" mb="md">
          {isRestoring
            ? `Les modifications faites pour ce territoire sur « ${removing?.label ?? ''} » seront perdues ; la recette livrée avec Mutualis s’appliquera de nouveau.`
            : `« ${removing?.label ?? ''} » ne servira plus au sourcing local de ce territoire.`}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setRemoving(null)}>
            Annuler
          </Button>
          <Button color={isRestoring ? 'orange' : 'red'} onClick={() => removing && void remove(removing)}>
            {isRestoring ? 'Rétablir' : 'Supprimer'}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}
