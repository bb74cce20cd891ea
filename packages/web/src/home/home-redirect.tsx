import { Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useSession } from '../auth/session-context';
import { navigate } from '../router/navigation';
import { paths } from '../router/routes';
import { resolveNavLinks } from '../shell/nav-links';

/** Home sends a member buyer to their census and anyone else to the first screen of their first territory they may open. */
export function HomeRedirect() {
  const { session } = useSession();
  const first = session.roles[0] ?? null;
  const firstLink = first ? resolveNavLinks({ roles: session.roles, territorySlug: first.territorySlug })[0]?.links[0] : undefined;
  const target = first
    ? first.role === 'member' && first.organizationId
      ? paths.needs(first.organizationId)
      : (firstLink?.to ?? paths.territory(first.territorySlug))
    : null;

  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target]);

  if (target) return null;
  return (
    <Stack align="center" py="xl">
      <Title order={1}>Aucun territoire</Title>
      <Text c="dimmed">Votre compte n’est rattaché à aucun territoire. Demandez un accès à l’animateur de votre territoire.</Text>
    </Stack>
  );
}
