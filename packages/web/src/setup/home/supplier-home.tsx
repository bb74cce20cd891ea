import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { PublicForecastDto, SupplierDto } from '@mutualis/contract';
import { useApi } from '../../api/use-api';
import type { RoleGrant } from '../../api/types';
import { formatNumber } from '../../format/number';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { formatDateFr } from '../format-date-time';

/** A firm's first screen: the consultations open to it, and what its profile still lacks. */
export function SupplierHome({ grant, userName }: { grant: RoleGrant; userName: string }) {
  const organizationId = grant.organizationId ?? '';
  const forecast = useApi<PublicForecastDto>(`/public/territories/${encodeURIComponent(grant.territorySlug)}/forecast`);
  const supplier = useApi<SupplierDto>(`/suppliers/${encodeURIComponent(organizationId)}`);
  // A firm without profile yet (404) has everything to fill in.
  const gaps =
    supplier.data?.gaps ??
    (supplier.error?.status === 404 ? ['Complétez votre profil : activité, compétences, capacités, rayon de livraison, contact.'] : []);
  const consultations = forecast.data?.consultations ?? [];
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{`Bonjour ${userName}`}</Title>
        <Text c="dimmed">{`${grant.organizationName ?? ''} · territoire ${grant.territoryName}`}</Text>
      </div>
      {gaps.length > 0 && (
        <Paper withBorder p="md" radius="md" bg="teal.0">
          <Stack gap="xs">
            <Title order={2} size="h4">
              Complétez votre profil
            </Title>
            <Text size="sm">
              L’animateur rapproche les achats groupés des entreprises dont il connaît les savoir-faire et les capacités.
            </Text>
            <List size="sm">
              {gaps.map((gap) => (
                <List.Item key={gap}>{gap}</List.Item>
              ))}
            </List>
            <Group>
              <Button onClick={() => navigate(paths.firmProfile(organizationId))}>Compléter mon profil</Button>
            </Group>
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="md" radius="md">
        <Stack gap="sm">
          <Title order={2} size="h4">
            Consultations prévues sur le territoire
          </Title>
          {forecast.error && <Alert color="red">{forecast.error.message}</Alert>}
          {forecast.data === null && !forecast.error ? (
            <Loader size="sm" aria-label="Chargement des prévisions" />
          ) : consultations.length === 0 ? (
            <Text c="dimmed">
              Aucune consultation n’est encore annoncée. Elles apparaîtront ici dès que les acheteurs en publieront : vous pourrez alors
              déclarer votre intérêt lot par lot.
            </Text>
          ) : (
            <Stack component="ul" gap="xs" p={0} m={0} aria-label="Consultations prévues">
              {consultations.map((c) => (
                <Group key={c.id} component="li" justify="space-between" gap="xs" style={{ listStyle: 'none' }}>
                  <div style={{ minWidth: 0 }}>
                    <Text fw={600}>{c.title}</Text>
                    <Text size="sm" c="dimmed">
                      {`Lancement prévu le ${formatDateFr(c.launchDate)} · ${formatNumber(c.lots.length)} lot${c.lots.length > 1 ? 's' : ''} · ${formatNumber(c.buyerCount)} acheteur${c.buyerCount > 1 ? 's' : ''}`}
                    </Text>
                  </div>
                </Group>
              ))}
            </Stack>
          )}
          {consultations.length > 0 && (
            <Group>
              <Button onClick={() => navigate(paths.forecast(grant.territorySlug))}>Déclarer mon intérêt</Button>
            </Group>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}
