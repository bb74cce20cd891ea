import { Grid, NumberInput, Select, Textarea, TextInput } from '@mantine/core';
import type { NeedFormField, NeedFormValues } from './need-form-values';
import { UNIT_OPTIONS, isPackUnit, unitName } from '../reference/units';
import { AmountFields } from './amount-fields';
import { CommunesSelect } from './communes-select';
import { ConfidenceField } from './confidence-field';
import { CpvAutocomplete } from './cpv-autocomplete';
import { CsrRequirementsInput } from './csr-requirements-input';

interface NeedFormFieldsProps {
  values: NeedFormValues;
  errors: Partial<Record<NeedFormField, string>>;
  cpvLabel: string | null;
  setField: <K extends NeedFormField>(field: K, value: NeedFormValues[K]) => void;
}

function toNumber(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

export function NeedFormFields({ values, errors, cpvLabel, setField }: NeedFormFieldsProps) {
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <CpvAutocomplete
          value={values.cpvCode}
          initialLabel={cpvLabel}
          error={errors.cpvCode}
          onChange={(code) => setField('cpvCode', code)}
          onPick={(entry) => {
            if (!values.label.trim()) setField('label', entry.labelFr);
          }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <TextInput
          label="Libellé du besoin"
          withAsterisk
          description="Tel que vos services le nomment"
          placeholder="ex. Papier A4 80 g recyclé"
          value={values.label}
          onChange={(event) => setField('label', event.currentTarget.value)}
          error={errors.label}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <NumberInput
          label="Quantité annuelle"
          value={values.quantity ?? ''}
          onChange={(value) => setField('quantity', toNumber(value))}
          min={0}
          decimalSeparator=","
          thousandSeparator=" "
          error={errors.quantity}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <Select
          label="Unité"
          placeholder="Choisir"
          data={UNIT_OPTIONS}
          value={values.unit}
          onChange={(unit) => setField('unit', unit)}
          searchable
          clearable
          error={errors.unit}
          comboboxProps={{ withinPortal: true }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        {isPackUnit(values.unit) && (
          <NumberInput
            label={`Unités par ${unitName(values.unit)}`}
            description="Pour comparer avec les autres membres"
            value={values.unitsPerPack ?? ''}
            onChange={(value) => setField('unitsPerPack', toNumber(value))}
            min={1}
            allowDecimal={false}
            error={errors.unitsPerPack}
          />
        )}
      </Grid.Col>
      <AmountFields values={values} errors={errors} setField={setField} />
      <Grid.Col span={12}>
        <CommunesSelect
          value={values.deliveryCommunes}
          error={errors.deliveryCommunes}
          onChange={(communes) => setField('deliveryCommunes', communes)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 7 }}>
        <CsrRequirementsInput
          value={values.csrRequirements}
          error={errors.csrRequirements}
          onChange={(items) => setField('csrRequirements', items)}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 5 }}>
        <ConfidenceField
          value={values.confidence}
          error={errors.confidence}
          onChange={(confidence) => setField('confidence', confidence)}
        />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea
          label="Exigences de qualité"
          placeholder="Normes, performances attendues, délais de livraison…"
          autosize
          minRows={2}
          maxRows={5}
          value={values.qualityRequirements}
          onChange={(event) => setField('qualityRequirements', event.currentTarget.value)}
          error={errors.qualityRequirements}
        />
      </Grid.Col>
    </Grid>
  );
}
