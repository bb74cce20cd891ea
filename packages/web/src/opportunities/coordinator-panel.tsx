import { Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import type { OpportunityDetail } from './opportunity-types';

/** A badge-like tag whose long label wraps on a phone instead of being cut. */
function Tag({ color, children }: { color: 'teal' | 'orange'; children: string }) {
  return (
    <Text
      component="span"
      size="xs"
      fw={700}
      c={`var(--mantine-color-${color}-light-color)`}
      bg={`${color}.0`}
      px={8}
      py={2}
      style={{ borderRadius: 12 }}
    >
      {children}
    </Text>
  );
}

const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Each member as a candidate: share, experience, CAO, workload elsewhere, and whether it can act at launch. */
function CandidatesTable({ detail }: { detail: OpportunityDetail }) {
  const { candidates, organizationId: proposedId } = detail.coordinatorProposal;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} fz="sm" aria-label="Candidats à la coordination">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Membre</Table.Th>
            <Table.Th ta="right">Part</Table.Th>
            <Table.Th>Marché en cours</Table.Th>
            <Table.Th>CAO utile</Table.Th>
            <Table.Th>Coordonne déjà</Table.Th>
            <Table.Th ta="right">Score</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((c) => (
            <Table.Tr key={c.organizationId} c={c.isEligible ? undefined : 'dimmed'}>
              <Table.Td>
                <Text size="sm" fw={c.organizationId === proposedId ? 700 : 400}>
                  {c.name}
                </Text>
                {!c.isEligible && <Text size="xs">{`Ne peut pas coordonner : ${c.ineligibleReason}`}</Text>}
              </Table.Td>
              <Table.Td ta="right">{c.share === null ? '—' : percent.format(c.share)}</Table.Td>
              <Table.Td>{c.hasExperience ? 'oui' : 'non'}</Table.Td>
              <Table.Td>{c.hasUsableCao ? 'oui' : 'non'}</Table.Td>
              <Table.Td>{c.coordinatesElsewhere.length === 0 ? '—' : c.coordinatesElsewhere.join(', ')}</Table.Td>
              <Table.Td ta="right">{c.score === null ? '—' : decimal.format(c.score)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The CAO of the groupement under CGCT L1414-3 for this membership and coordinator. */
function TenderCommission({ detail }: { detail: OpportunityDetail }) {
  const cao = detail.tenderCommission;
  const choice =
    cao.proposed === 'coordinator'
      ? `CAO du coordonnateur (${cao.article} II), ou commission du groupement`
      : cao.isMostlyLocal
        ? `Commission d’appel d’offres du groupement (${cao.article} I)`
        : 'Commission du groupement instituée par la convention';
  return (
    <Stack gap={4} data-testid="tender-commission">
      <Group gap="xs">
        <Text fw={600} size="sm">
          Commission d’appel d’offres
        </Text>
        <Tag color={cao.proposed === 'coordinator' ? 'teal' : 'orange'}>{choice}</Tag>
      </Group>
      <Text size="sm">{cao.explanation}</Text>
      {cao.proposed === 'groupement' && (
        <List size="xs" spacing={0}>
          {cao.seats.map((seat) => (
            <List.Item key={seat.organizationId}>
              {`${seat.name} : ${seat.basis === 'elected_cao_member' ? 'un élu de sa CAO' : 'un représentant désigné selon ses règles'}${seat.isChair ? ' (présidence)' : ''}`}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">{`Règle « ${cao.ruleVersionId} » : texte en vigueur vérifié et daté dans Mutualis.`}</Text>
    </Stack>
  );
}

/** The coordinator retained (the facilitator's choice or the proposal), the proposal's reasons and weights, and the CAO. */
export function CoordinatorPanel({ detail, slug }: { detail: OpportunityDetail; slug: string }) {
  const { coordinator, coordinatorProposal: proposal } = detail;
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h4" mb="xs">
        {coordinator.isOverride ? 'Coordonnateur retenu' : 'Coordonnateur proposé'}
      </Title>
      <Group gap="xs" mb={4}>
        <Text fw={700}>{coordinator.name}</Text>
        <Text size="sm" c="dimmed" ff="monospace">
          {`SIRET ${coordinator.siret}`}
        </Text>
        {coordinator.isOverride && (
          <Tag color={proposal.differsFromChoice ? 'orange' : 'teal'}>
            {proposal.differsFromChoice
              ? `choix de l’animateur · Mutualis propose ${proposal.name}`
              : 'choix de l’animateur, conforme à la proposition'}
          </Tag>
        )}
      </Group>
      <Stack gap="sm">
        <List size="sm" spacing={4} data-testid="coordinator-reason">
          {proposal.reasons.map((reason) => (
            <List.Item key={reason}>{reason}</List.Item>
          ))}
        </List>
        <CandidatesTable detail={detail} />
        <TenderCommission detail={detail} />
        <AppLink to={paths.coordinators(slug)} size="sm">
          Voir la répartition des coordonnateurs du territoire
        </AppLink>
      </Stack>
    </Paper>
  );
}
