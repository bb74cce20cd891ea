import { Group, Text } from '@mantine/core';
import { useSession } from '../auth/session-context';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { roleOn, territoriesOf } from './current-territory';
import { MainNav } from './main-nav';
import { TerritorySwitcher } from './territory-switcher';
import { UserMenu } from './user-menu';

interface HeaderBarProps {
  territorySlug: string | null;
}

export function HeaderBar({ territorySlug }: HeaderBarProps) {
  const { session, logout } = useSession();
  const role = roleOn(session.roles, territorySlug);
  const territories = territoriesOf(session.roles);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="lg" wrap="nowrap">
        <AppLink to={paths.home()} underline="never" aria-label="Mutualis, accueil">
          <Text fw={800} size="xl" c="teal.8">
            Mutualis
          </Text>
        </AppLink>
        <TerritorySwitcher territories={territories} currentSlug={role?.territorySlug ?? null} />
        <MainNav territorySlug={role?.territorySlug ?? null} />
      </Group>
      <UserMenu user={session.user} role={role} onLogout={() => void logout()} />
    </Group>
  );
}
