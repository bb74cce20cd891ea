import { Alert, Anchor, Center, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { PublicForecastDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { localPaths } from '../sourcing/local-routes';
import { ConsultationCard } from './consultation-card';
import { InterestForm } from './interest-form';
import { InterestsList } from './interests-list';

/** The territory's planned consultations: suppliers declare interest per lot; facilitators read the declarations. */
export default function ForecastPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const { data, error } = useApi<PublicForecastDto>(`/public/territories/${encodeURIComponent(slug)}/forecast`);
  const roles = session.roles.filter((r) => r.territorySlug === slug).map((r) => r.role);
  const isSupplier = roles.includes('supplier');
  const readsDeclarations = roles.includes('facilitator') || roles.includes('observer');
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data)
    return (
      <Center py="xl">
        <Loader aria-label="Chargement des prévisions" />
      </Center>
    );
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Consultations prévues</Title>
        <Group gap="md">
          <Anchor href={localPaths.publicForecast(slug)} target="_blank">
            Page publique
          </Anchor>
          <Anchor href={`/api/public/territories/${encodeURIComponent(slug)}/forecast.ics`}>Calendrier (.ics)</Anchor>
          <Anchor href={`/api/public/territories/${encodeURIComponent(slug)}/forecast.csv`}>Tableau (.csv)</Anchor>
        </Group>
      </Group>
      <Alert color="blue" variant="light">
        {data.notice}
      </Alert>
      {data.consultations.length === 0 && (
        <Text c="dimmed">Aucune consultation publiée. Publiez-en une depuis le concepteur de lots d’une opportunité.</Text>
      )}
      {data.consultations.map((c) => (
        <ConsultationCard key={c.id} consultation={c}>
          {isSupplier && <InterestForm consultation={c} />}
          {readsDeclarations && <InterestsList consultation={c} />}
        </ConsultationCard>
      ))}
    </Stack>
  );
}
