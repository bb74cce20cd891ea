import '@mantine/charts/styles.css';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Stepper, Table, Text, Title } from '@mantine/core';
import type { AuditEntryDto, LifecycleView, SavingsView } from '@mutualis/contract';
import { useEffect, useState } from 'react';
import { useApi } from '../api/use-api';
import { formatEuros, formatWholeEuros } from '../format/money';
import { AuditTrail } from './audit-trail';
import { AwardModal } from './award-modal';
import { ConsumptionModal } from './consumption-modal';
import { EssentialDataModal } from './essential-data-modal';
import { frenchDate, unitLabel } from './lifecycle-labels';
import { MembersActsTable } from './members-acts-table';
import { NextStepCard } from './next-step-card';
import { SavingsCard } from './savings-card';
import { SignatureModal } from './signature-modal';
import { useLifecycleAction } from './use-lifecycle-action';

type Member = LifecycleView['members'][number];

/** The life of a groupement: stepper, who must act, signatures, launch, awards, consumption, savings and audit trail. */
export function LifecyclePanel({ groupementId, onChange }: { groupementId: string; onChange?: () => void }) {
  const base = `/groupements/${encodeURIComponent(groupementId)}`;
  const loaded = useApi<LifecycleView>(`${base}/lifecycle`);
  const [view, setView] = useState<LifecycleView | null>(null);
  const [version, setVersion] = useState(0);
  const audit = useApi<{ items: AuditEntryDto[] }>(`${base}/audit`, { v: version });
  const savings = useApi<SavingsView>(view && view.procedureNumber > 0 ? `${base}/savings` : null, { v: version });
  const [signing, setSigning] = useState<Member | null>(null);
  const [modal, setModal] = useState<'award' | 'consumption' | null>(null);
  const [essentialsOf, setEssentialsOf] = useState<string | null>(null);
  useEffect(() => setView(loaded.data), [loaded.data]);
  const action = useLifecycleAction(groupementId, (next) => {
    if (next) setView(next);
    else loaded.reload();
    setVersion((v) => v + 1);
    onChange?.();
  });
  if (loaded.error)
    return (
      <Alert color="red" title="Cycle de vie indisponible">
        {loaded.error.message}
      </Alert>
    );
  if (!view) return null;
  const active = view.steps.findIndex((s) => s.status === view.status);
  const canConsume = view.awards.length > 0 && view.can.enterConsumptionFor.length > 0;
  const essentialsAward = view.awards.find((a) => a.lotKey === essentialsOf);
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="md">
          <Title order={2} size="h3">
            Cycle de vie du groupement
          </Title>
          <Badge size="lg">{view.statusLabel}</Badge>
        </Group>
        <Stepper active={active} size="sm" allowNextStepsSelect={false} aria-label="Étapes du groupement">
          {view.steps.map((s) => (
            <Stepper.Step key={s.status} label={s.label} />
          ))}
        </Stepper>
        {view.launch && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="md">
            <Text size="sm">{`Lancée le ${frenchDate(view.launch.launchedOn)} · ${view.launch.procedureLabel}`}</Text>
            <Text size="sm" title={view.launch.withheld?.message}>
              {`Valeur estimée du marché : ${view.launch.estimatedValueCents === null ? 'non communiquée' : formatWholeEuros(view.launch.estimatedValueCents)}`}
            </Text>
            <Text size="sm">{`Membres arrêtés au lancement : ${view.members.filter((m) => m.isFrozen).length}`}</Text>
          </SimpleGrid>
        )}
      </Paper>
      <NextStepCard
        view={view}
        isBusy={action.isBusy}
        onTransition={(body) => action.run('/transitions', body, 'Étape enregistrée.')}
        onAward={() => setModal('award')}
      />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          Signatures et délibérations
        </Title>
        <MembersActsTable view={view} onRecord={setSigning} />
      </Paper>
      {view.awards.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} size="h3">
              Attributions
            </Title>
            {canConsume && <Button onClick={() => setModal('consumption')}>Saisir une consommation</Button>}
          </Group>
          <Table aria-label="Lots attribués">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Lot</Table.Th>
                <Table.Th>Titulaire</Table.Th>
                <Table.Th>Prix</Table.Th>
                <Table.Th>Marché</Table.Th>
                <Table.Th>Marchés signés</Table.Th>
                <Table.Th>Données essentielles</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.awards.map((a) => (
                <Table.Tr key={a.lotKey}>
                  <Table.Td>{a.lotLabel}</Table.Td>
                  <Table.Td>
                    {a.holderName}{' '}
                    {a.holderIsLocal && (
                      <Badge size="xs" color="teal">
                        Local
                      </Badge>
                    )}{' '}
                    {a.holderIsSme && (
                      <Badge size="xs" color="grape">
                        PME
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {a.unitPriceCents !== null
                      ? `${formatEuros(a.unitPriceCents)} HT / ${unitLabel(view.launch?.quantityUnit ?? null)}`
                      : `${formatWholeEuros(a.amountCents)} HT / an`}
                  </Table.Td>
                  <Table.Td>{`du ${frenchDate(a.startOn)} au ${frenchDate(a.endOn)}`}</Table.Td>
                  <Table.Td>
                    {a.contracts.length === 1
                      ? `Un marché, signé par ${a.contracts[0]?.signatoryName}`
                      : `${a.contracts.length} marchés, un par membre`}
                  </Table.Td>
                  <Table.Td>
                    {a.essentialData
                      ? `Notifié le ${frenchDate(a.essentialData.notifiedOn)}, ${a.essentialData.offersReceived} offre(s)`
                      : 'À compléter'}{' '}
                    {view.can.award && (
                      <Button size="compact-xs" variant="light" onClick={() => setEssentialsOf(a.lotKey)}>
                        {a.essentialData ? 'Modifier' : 'Compléter'}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {savings.data && view.awards.length > 0 && <SavingsCard savings={savings.data} />}
      {audit.data && <AuditTrail items={audit.data.items} />}
      <SignatureModal
        key={signing?.organizationId}
        member={signing}
        isBusy={action.isBusy}
        onClose={() => setSigning(null)}
        onSubmit={(body) => action.run('/signatures', body, 'Adhésion enregistrée.')}
      />
      {modal === 'award' && (
        <AwardModal
          view={view}
          opened
          isBusy={action.isBusy}
          onClose={() => setModal(null)}
          onSubmit={(body, onRefused) => action.run('/awards', body, 'Lot attribué.', 'post', onRefused)}
        />
      )}
      {essentialsAward && (
        <EssentialDataModal
          award={essentialsAward}
          isBusy={action.isBusy}
          onClose={() => setEssentialsOf(null)}
          onSubmit={(body) =>
            action.run(
              `/awards/${encodeURIComponent(essentialsAward.lotKey)}/essential-data`,
              body,
              'Données essentielles enregistrées.',
              'put',
            )
          }
        />
      )}
      {modal === 'consumption' && (
        <ConsumptionModal
          view={view}
          opened
          isBusy={action.isBusy}
          onClose={() => setModal(null)}
          onSubmit={(body) => action.run('/consumption', body, 'Consommation enregistrée.')}
        />
      )}
    </Stack>
  );
}
