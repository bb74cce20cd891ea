import { nameWithArticleFr } from '@mutualis/contract';
import { Alert, Badge, Button, Flex, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { CensusCampaignView, MemberAgendaDto } from '@mutualis/contract';
import { useApi } from '../../api/use-api';
import type { RoleGrant } from '../../api/types';
import { formatNumber } from '../../format/number';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { CampaignCard } from '../census/campaign-card';
import { formatDateFr } from '../format-date-time';

const KINDS: Record<MemberAgendaDto['items'][number]['kind'], { label: string; color: string }> = {
  census_deadline: { label: 'Recensement', color: 'grape' },
  non_renewal_notice: { label: 'Préavis', color: 'orange' },
  contract_end: { label: 'Fin de contrat', color: 'red' },
};

/** A member buyer's first screen: the census to answer, its deadlines, and where to start when it has entered nothing yet. */
export function MemberHome({ grant, userName }: { grant: RoleGrant; userName: string }) {
  const organizationId = grant.organizationId ?? '';
  const agenda = useApi<MemberAgendaDto>(`/organizations/${encodeURIComponent(organizationId)}/agenda`);
  const campaign = useApi<CensusCampaignView>(`/territories/${encodeURIComponent(grant.territorySlug)}/census-campaign`);
  const isEmpty = agenda.data !== null && agenda.data.needCount === 0 && agenda.data.contractCount === 0;
  const own = campaign.data?.organizations.find((o) => o.organizationId === organizationId) ?? null;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{`Bonjour ${userName}`}</Title>
        <Text c="dimmed">{`Acheteur pour ${nameWithArticleFr(grant.organizationName ?? '')} · territoire ${grant.territoryName}`}</Text>
      </div>
      {campaign.data?.campaign && campaign.data.campaign.closedAt === null && own && (
        <CampaignCard
          view={campaign.data}
          progress={own}
          territorySlug={grant.territorySlug}
          onChanged={() => {
            campaign.reload();
            agenda.reload();
          }}
        />
      )}
      {isEmpty && <FirstSteps organizationId={organizationId} territorySlug={grant.territorySlug} />}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Vos échéances
          </Title>
          {agenda.error && <Alert color="red">{agenda.error.message}</Alert>}
          {agenda.data === null && !agenda.error ? (
            <Loader size="sm" aria-label="Chargement des échéances" />
          ) : agenda.data && agenda.data.items.length === 0 ? (
            <Text c="dimmed">
              Aucune échéance dans les douze prochains mois. Les dates de préavis viennent de vos contrats en cours : tenez-les à jour.
            </Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} aria-label="Échéances">
              {(agenda.data?.items ?? []).map((item) => (
                <Flex
                  key={`${item.kind}-${item.contractId ?? ''}-${item.date}`}
                  component="li"
                  gap={{ base: 4, sm: 'sm' }}
                  direction={{ base: 'column', sm: 'row' }}
                  align="flex-start"
                >
                  <Stack gap={2} miw={130}>
                    <Text fw={700} c={item.isOverdue ? 'red' : undefined}>
                      {formatDateFr(item.date)}
                    </Text>
                    <Badge color={KINDS[item.kind].color} variant="light" w="fit-content">
                      {KINDS[item.kind].label}
                    </Badge>
                  </Stack>
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text fw={600}>{item.title}</Text>
                    <Text size="sm" c="dimmed">
                      {item.detail}
                    </Text>
                  </Stack>
                </Flex>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      <Group gap="sm">
        <Button variant="default" onClick={() => navigate(paths.needs(organizationId))}>
          {`Mes besoins${agenda.data ? ` (${formatNumber(agenda.data.needCount)})` : ''}`}
        </Button>
        <Button variant="default" onClick={() => navigate(paths.contracts(organizationId))}>
          {`Mes contrats en cours${agenda.data ? ` (${formatNumber(agenda.data.contractCount)})` : ''}`}
        </Button>
        <Button variant="default" onClick={() => navigate(paths.opportunities(grant.territorySlug))}>
          Opportunités
        </Button>
      </Group>
    </Stack>
  );
}

function FirstSteps({ organizationId, territorySlug }: { organizationId: string; territorySlug: string }) {
  return (
    <Paper withBorder p="md" radius="md" bg="teal.0">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Pour commencer
        </Title>
        <List type="ordered" spacing="xs">
          <List.Item>
            Saisissez vos <strong>contrats en cours</strong> (dates, reconductions, préavis) : ils disent quand vous pourrez rejoindre un
            groupement.
          </List.Item>
          <List.Item>
            Recensez vos <strong>besoins annuels</strong> : un code CPV, une quantité et un prix suffisent.
          </List.Item>
          <List.Item>
            Consultez les <strong>opportunités</strong> : elles apparaissent dès qu’un autre membre achète la même chose.
          </List.Item>
        </List>
        <Group gap="sm">
          <Button onClick={() => navigate(paths.contracts(organizationId))}>Saisir mes contrats</Button>
          <Button variant="light" onClick={() => navigate(paths.needs(organizationId))}>
            Recenser mes besoins
          </Button>
          <Button variant="subtle" onClick={() => navigate(paths.opportunities(territorySlug))}>
            Voir les opportunités
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
