import { NumberInput, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { FormActions } from '../forms/form-actions';
import { CpvCodesField } from './cpv-codes-field';
import type { FamilyFormValues } from './family-form-values';
import type { PurchaseFamily } from './family-types';
import { useFamilyForm } from './use-family-form';

interface FamilyFormProps {
  slug: string;
  initial: FamilyFormValues;
  familyId: string | null;
  onCancel: () => void;
  onSaved: (family: PurchaseFamily) => void;
}

const ELASTICITY_FIELDS = [
  { field: 'low', label: 'Élasticité basse' },
  { field: 'central', label: 'Élasticité centrale' },
  { field: 'high', label: 'Élasticité haute' },
] as const;

/** Name, CPV codes, keywords and volume elasticity (low ≤ central ≤ high, with its source) of a territory family. */
export function FamilyForm({ slug, initial, familyId, onCancel, onSaved }: FamilyFormProps) {
  const { values, setField, errors, isSaving, submit } = useFamilyForm({ slug, initial, familyId, onSaved });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <TextInput
          label="Nom de la famille"
          withAsterisk
          value={values.name}
          onChange={(event) => setField('name', event.currentTarget.value)}
          error={errors.byField.name}
        />
        <CpvCodesField codes={values.cpvCodes} error={errors.byField.cpvCodes} onChange={(codes) => setField('cpvCodes', codes)} />
        <TagsInput
          label="Mots-clés"
          description="Rattachent à la famille les besoins dont le libellé les contient (Entrée pour valider chaque mot)."
          value={values.keywords}
          onChange={(keywords) => setField('keywords', keywords)}
          error={errors.byField.keywords}
          clearable
        />
        <div>
          <Text size="sm" fw={500}>
            Élasticité volume
          </Text>
          <Text size="xs" c="dimmed" mb={6}>
            Exposant b : le prix unitaire est multiplié par (volume mutualisé ÷ volume d’un membre)^−b. Avec b = 0,1, doubler le volume
            baisse le prix d’environ 7 % ; 0 = aucun effet. Basse ≤ centrale ≤ haute.
          </Text>
          <SimpleGrid cols={3}>
            {ELASTICITY_FIELDS.map(({ field, label }) => (
              <NumberInput
                key={field}
                label={label}
                withAsterisk
                value={values[field] ?? ''}
                onChange={(value) => setField(field, typeof value === 'number' ? value : null)}
                min={0}
                step={0.01}
                decimalScale={3}
                decimalSeparator=","
                error={errors.byField[field]}
              />
            ))}
          </SimpleGrid>
        </div>
        <Textarea
          label="Source ou hypothèse de ces valeurs"
          withAsterisk
          autosize
          minRows={2}
          value={values.provenance}
          onChange={(event) => setField('provenance', event.currentTarget.value)}
          error={errors.byField.provenance}
        />
        <FormActions isSaving={isSaving} onCancel={onCancel} generalErrors={errors.general} />
      </Stack>
    </form>
  );
}
