import { Modal } from '@mantine/core';
import { RecipeForm } from './recipe-form';
import { emptyRecipeForm, recipeToForm } from './recipe-form-values';
import type { Competence, Recipe } from './recipe-types';

interface RecipeFormModalProps {
  slug: string;
  /** `undefined`: closed; `null`: new recipe; a recipe: edit it. */
  recipe: Recipe | null | undefined;
  vocabulary: Competence[];
  cpvLabel: (code: string) => string | null;
  onClose: () => void;
  onSaved: (recipe: Recipe, isNew: boolean) => void;
}

export function RecipeFormModal({ slug, recipe, vocabulary, cpvLabel, onClose, onSaved }: RecipeFormModalProps) {
  const isOpen = recipe !== undefined;
  return (
    <Modal
      opened={isOpen}
      onClose={onClose}
      title={recipe ? 'Modifier la recette' : 'Ajouter une recette'}
      size={1040}
      centered
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {isOpen && (
        <RecipeForm
          key={recipe?.id ?? 'new'}
          slug={slug}
          initial={recipe ? recipeToForm(recipe) : emptyRecipeForm()}
          recipeId={recipe?.id ?? null}
          productCpvLabel={recipe ? cpvLabel(recipe.productCpvCode) : null}
          vocabulary={vocabulary}
          onCancel={onClose}
          onSaved={(saved) => onSaved(saved, recipe === null)}
        />
      )}
    </Modal>
  );
}
