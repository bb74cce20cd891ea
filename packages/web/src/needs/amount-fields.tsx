import { Grid, NumberInput } from '@mantine/core';
import { formatEuros } from '../format/money';
import { unitName } from '../reference/units';
import { derivedAmountCents, type NeedFormField, type NeedFormValues } from './need-form-values';

interface AmountFieldsProps {
  values: NeedFormValues;
  errors: Partial<Record<NeedFormField, string>>;
  setField: <K extends NeedFormField>(field: K, value: NeedFormValues[K]) => void;
}

function toNumber(value: number | string): number | null {
  return typeof value === 'number' ? value : null;
}

/** Unit price and annual amount; the amount shows quantity × price live until the buyer types one. */
export function AmountFields({ values, errors, setField }: AmountFieldsProps) {
  const derived = derivedAmountCents(values);
  const perUnit = values.unit ? ` par ${unitName(values.unit)}` : '';
  const amountHint =
    values.annualAmountEuros !== null
      ? 'Montant saisi : il remplace le calcul quantité × prix.'
      : derived !== null
        ? `Calculé : ${formatEuros(derived)} (quantité × prix unitaire)`
        : 'Laissez vide pour le calculer : quantité × prix unitaire.';
  return (
    <>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <NumberInput
          label={`Prix unitaire HT (€${perUnit})`}
          value={values.unitPriceEuros ?? ''}
          onChange={(value) => setField('unitPriceEuros', toNumber(value))}
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          suffix=" €"
          error={errors.unitPriceEuros}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <NumberInput
          label="Montant annuel HT (€)"
          description={amountHint}
          placeholder={derived !== null ? formatEuros(derived) : undefined}
          value={values.annualAmountEuros ?? ''}
          onChange={(value) => setField('annualAmountEuros', toNumber(value))}
          min={0}
          decimalScale={2}
          decimalSeparator=","
          thousandSeparator=" "
          suffix=" €"
          error={errors.annualAmountEuros}
          aria-live="polite"
        />
      </Grid.Col>
    </>
  );
}
