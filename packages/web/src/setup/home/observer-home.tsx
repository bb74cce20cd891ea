import { Button, Group, Stack, Text, Title } from '@mantine/core';
import type { RoleGrant } from '../../api/types';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';

/** An observer reads: the territory's overview, dashboard and opportunities. */
export function ObserverHome({ grant, userName }: { grant: RoleGrant; userName: string }) {
  const slug = grant.territorySlug;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{`Bonjour ${userName}`}</Title>
        <Text c="dimmed">{`Vous suivez le territoire ${grant.territoryName} en lecture seule.`}</Text>
      </div>
      <Group gap="sm">
        <Button onClick={() => navigate(paths.territory(slug))}>Vue du territoire</Button>
        <Button variant="default" onClick={() => navigate(paths.dashboard(slug))}>
          Tableau de bord
        </Button>
        <Button variant="default" onClick={() => navigate(paths.opportunities(slug))}>
          Opportunités
        </Button>
      </Group>
    </Stack>
  );
}
