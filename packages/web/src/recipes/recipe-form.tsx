import { Group, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { FormActions } from '../forms/form-actions';
import { CpvAutocomplete } from '../needs/cpv-autocomplete';
import { isUnitCode, UNIT_OPTIONS } from '../reference/units';
import { RecipeCompetencesField } from './recipe-competences-field';
import type { RecipeFormValues } from './recipe-form-values';
import { RecipeInputsField } from './recipe-inputs-field';
import type { Competence, Recipe } from './recipe-types';
import { useRecipeForm } from './use-recipe-form';

interface RecipeFormProps {
  slug: string;
  initial: RecipeFormValues;
  recipeId: string | null;
  /** French label of the product's CPV code when known. */
  productCpvLabel: string | null;
  vocabulary: Competence[];
  onCancel: () => void;
  onSaved: (recipe: Recipe) => void;
}

/** Product (CPV, label, unit), inputs per unit, required competences with weights, and the recipe's source. */
export function RecipeForm({ slug, initial, recipeId, productCpvLabel, vocabulary, onCancel, onSaved }: RecipeFormProps) {
  const { values, setField, errors, isSaving, submit } = useRecipeForm({ slug, initial, recipeId, onSaved });
  const errorOf = (key: string) => errors.byField[key];
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Group align="flex-start" grow>
          <CpvAutocomplete
            label="Code CPV du produit"
            value={values.productCpvCode}
            initialLabel={productCpvLabel}
            error={errorOf('productCpvCode')}
            onChange={(code) => setField('productCpvCode', code)}
            onPick={(entry) => {
              setField('productCpvCode', entry.code);
              if (values.label.trim() === '') setField('label', entry.labelFr);
            }}
          />
          <Select
            label="Unité du produit"
            description="Les quantités des intrants sont données pour une de ces unités."
            withAsterisk
            data={UNIT_OPTIONS}
            allowDeselect={false}
            value={values.unit}
            onChange={(unit) => unit && isUnitCode(unit) && setField('unit', unit)}
            error={errorOf('unit')}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        <TextInput
          label="Libellé du produit"
          description="Ce que la recette fabrique, tel qu’un acheteur le décrirait."
          withAsterisk
          value={values.label}
          onChange={(event) => setField('label', event.currentTarget.value)}
          error={errorOf('label')}
        />
        <RecipeInputsField
          rows={values.inputs}
          productUnit={values.unit}
          errorOf={errorOf}
          onChange={(rows, touched) => setField('inputs', rows, touched)}
        />
        <RecipeCompetencesField
          rows={values.competences}
          vocabulary={vocabulary}
          errorOf={errorOf}
          onChange={(rows, touched) => setField('competences', rows, touched)}
        />
        <Textarea
          label="Source de la recette"
          description="D’où viennent ces quantités : norme, fiche technique, entretien avec une entreprise, estimation…"
          withAsterisk
          autosize
          minRows={2}
          value={values.provenance}
          onChange={(event) => setField('provenance', event.currentTarget.value)}
          error={errorOf('provenance')}
        />
        <FormActions isSaving={isSaving} onCancel={onCancel} generalErrors={errors.general} />
      </Stack>
    </form>
  );
}
