import { Alert, Paper, Spoiler, Stack, Text, Title } from '@mantine/core';
import { RangeChart } from '../charts/range-chart';
import { formatCompactEuros, formatWholeEuros } from '../format/money';
import type { WithheldDto } from '@mutualis/contract';
import type { SavingsDetail } from './opportunity-types';
import { elasticityText, savingsComponents } from './savings-components';
import { WithheldNote } from './withheld-figures';
import { SavingsEvidence } from './savings-evidence';

/** Savings per component as ranges (low – high, central marked), the elasticity's provenance and the caveat; or why they are withheld. */
export function SavingsPanel({ savings, withheld }: { savings: SavingsDetail | null; withheld: WithheldDto | null }) {
  if (savings === null)
    return (
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Économies annuelles estimées
          </Title>
          {withheld && <WithheldNote withheld={withheld} title="Économies non communiquées" />}
        </Stack>
      </Paper>
    );
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4">
            Économies annuelles estimées
          </Title>
          <Text size="sm" c="dimmed">
            Fourchette basse à haute ; le trait foncé marque la valeur centrale. Montants hors taxes, par an.
          </Text>
        </div>
        <RangeChart
          data={savingsComponents(savings)}
          format={formatWholeEuros}
          formatAxis={formatCompactEuros}
          ariaLabel="Économies annuelles estimées par composante, fourchettes basse à haute"
        />
        <SavingsEvidence savings={savings} />
        <Alert color="yellow" variant="light" title="À lire avant de citer ces chiffres" data-testid="savings-caveat">
          {savings.caveat}
        </Alert>
        <div>
          <Text size="sm" fw={600}>
            {`Élasticité volume retenue : ${elasticityText(savings.elasticity)}`}
          </Text>
          <Text size="sm" data-testid="elasticity-provenance">
            {savings.elasticity.provenance}
          </Text>
        </div>
        <Spoiler maxHeight={0} showLabel="Voir le détail du calcul" hideLabel="Masquer le détail du calcul">
          <Text size="sm" c="dimmed">
            {savings.explanation}
          </Text>
          <Text size="sm" c="dimmed" mt={4}>
            {`Base de calcul : ${savings.basis === 'quantities' ? 'quantités et prix unitaires recensés' : 'montants annuels recensés'}. Modèle avant calibrage : harmonisation des prix ${formatWholeEuros(savings.priceHarmonisation.central)}, effet volume ${formatWholeEuros(savings.volumeEffect.central)} (valeurs centrales). Total central ${formatWholeEuros(savings.total.central)}.`}
          </Text>
        </Spoiler>
      </Stack>
    </Paper>
  );
}
