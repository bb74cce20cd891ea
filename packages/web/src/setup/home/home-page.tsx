import { Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../auth/session-context';
import { roleOn } from '../../shell/current-territory';
import { AdminHomeCard } from './admin-home-card';
import { FacilitatorHome } from './facilitator-home';
import { MemberHome } from './member-home';
import { ObserverHome } from './observer-home';
import { SupplierHome } from './supplier-home';

/**
 * The first screen after signing in, by role on the current territory: the facilitator's next
 * steps, a member buyer's actions and deadlines, a firm's open forecasts; an administrator without
 * territory lands on the instance's administration.
 */
export default function HomePage({ territorySlug }: { territorySlug: string | null }) {
  const { session } = useSession();
  const grant = roleOn(session.roles, territorySlug);
  const adminCard = session.user.isAdmin ? <AdminHomeCard /> : null;
  if (!grant) {
    return (
      <Stack gap="lg" maw={960} mx="auto">
        <Title order={1}>{`Bonjour ${session.user.name}`}</Title>
        {adminCard ?? (
          <Text c="dimmed">Votre compte n’est rattaché à aucun territoire. Demandez un accès à l’animateur de votre territoire.</Text>
        )}
      </Stack>
    );
  }
  return (
    <Stack gap="lg" maw={1100} mx="auto">
      {adminCard}
      {grant.role === 'facilitator' && <FacilitatorHome grant={grant} userName={session.user.name} />}
      {grant.role === 'member' && <MemberHome grant={grant} userName={session.user.name} />}
      {grant.role === 'supplier' && <SupplierHome grant={grant} userName={session.user.name} />}
      {grant.role === 'observer' && <ObserverHome grant={grant} userName={session.user.name} />}
    </Stack>
  );
}
