import { ofNameFr } from '@mutualis/contract';
import { Alert, Button, Group, List, Loader, MultiSelect, NumberInput, Paper, Stack, Switch, Table, Text, Title } from '@mantine/core';
import type { Organization } from '../api/types';
import type { OpportunityDetail } from './opportunity-types';
import { ScenarioDiff } from './scenario-diff';
import { useScenario } from './use-scenario';

interface ScenarioPanelProps {
  slug: string;
  detail: OpportunityDetail;
  at: string | undefined;
  buyers: Organization[];
}

/** What-if toggles per member (leave, postpone) and organizations to add, with the recomputed figures. */
export function ScenarioPanel({ slug, detail, at, buyers }: ScenarioPanelProps) {
  const scenario = useScenario(slug, detail.id, at);
  const memberIds = new Set(detail.members.map((m) => m.organizationId));
  const names = new Map([
    ...buyers.map((b): [string, string] => [b.id, b.name]),
    ...detail.members.map((m): [string, string] => [m.organizationId, m.name]),
  ]);
  const candidates = buyers.filter((b) => !memberIds.has(b.id)).map((b) => ({ value: b.id, label: b.name }));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4">
              Simuler un autre groupement
            </Title>
            <Text size="sm" c="dimmed">
              Retirez, reportez ou ajoutez des membres : l’analyse est recalculée, rien n’est enregistré.
            </Text>
          </div>
          <Button variant="default" size="xs" onClick={scenario.reset} disabled={!scenario.hasChanges}>
            Revenir au groupement proposé
          </Button>
        </Group>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} aria-label="Changements simulés par membre">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Membre</Table.Th>
                <Table.Th>Retirer du groupement</Table.Th>
                <Table.Th>Reporter son entrée de</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {detail.members.map((m) => {
                const isLeaving = scenario.changes.leave.includes(m.organizationId);
                return (
                  <Table.Tr key={m.organizationId} c={isLeaving ? 'dimmed' : undefined}>
                    <Table.Td>{m.name}</Table.Td>
                    <Table.Td>
                      <Switch
                        aria-label={`Retirer ${m.name}`}
                        checked={isLeaving}
                        onChange={(event) => scenario.toggleLeave(m.organizationId, event.currentTarget.checked)}
                      />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput
                        aria-label={`Reporter l’entrée ${ofNameFr(m.name)} (mois)`}
                        value={scenario.changes.postpone[m.organizationId] ?? 0}
                        onChange={(value) => scenario.setPostpone(m.organizationId, typeof value === 'number' ? value : 0)}
                        min={0}
                        max={120}
                        step={1}
                        allowDecimal={false}
                        suffix=" mois"
                        disabled={isLeaving}
                        w={120}
                        size="xs"
                      />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <MultiSelect
          label="Ajouter des organisations du territoire"
          description="Ses besoins recensés de la famille sont repris ; sans besoin recensé, indiquez son montant annuel estimé."
          placeholder={candidates.length === 0 ? 'Aucune autre organisation' : 'Choisir…'}
          data={candidates}
          value={scenario.changes.join}
          onChange={scenario.setJoin}
          searchable
          clearable
          maw={560}
        />
        {scenario.changes.join.map((id) => (
          <NumberInput
            key={id}
            label={`Montant annuel estimé ${ofNameFr(names.get(id) ?? id)} (€ HT)`}
            description="Laisser vide pour reprendre ses besoins recensés de la famille."
            value={scenario.changes.joinAmounts[id] ?? ''}
            onChange={(value) => scenario.setJoinAmount(id, typeof value === 'number' && value > 0 ? value : undefined)}
            min={0}
            step={1000}
            thousandSeparator=" "
            decimalSeparator=","
            suffix=" €"
            maw={360}
            size="xs"
          />
        ))}
        {scenario.isRunning && (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">Recalcul…</Text>
          </Group>
        )}
        {scenario.error && (
          <Alert color="red" title="Simulation impossible">
            {scenario.error}
          </Alert>
        )}
        {scenario.result && !scenario.error && (
          <>
            <Alert color="blue" title="Ce qui change, et pourquoi" data-testid="scenario-explanation">
              <List size="sm" spacing={2}>
                {scenario.result.explanation.map((sentence) => (
                  <List.Item key={sentence}>{sentence}</List.Item>
                ))}
              </List>
            </Alert>
            <ScenarioDiff result={scenario.result} names={names} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
