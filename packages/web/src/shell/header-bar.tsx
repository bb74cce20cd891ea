import { Box, Burger, Group, Text } from '@mantine/core';
import { useSession } from '../auth/session-context';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { roleOn, territoriesOf } from './current-territory';
import { TerritorySwitcher } from './territory-switcher';
import { UserMenu } from './user-menu';

interface HeaderBarProps {
  territorySlug: string | null;
  isNavbarOpened: boolean;
  onToggleNavbar: () => void;
}

/** Brand, territory switcher and user menu; the screens are in the sidebar (main-nav.tsx). */
export function HeaderBar({ territorySlug, isNavbarOpened, onToggleNavbar }: HeaderBarProps) {
  const { session, logout } = useSession();
  const role = roleOn(session.roles, territorySlug);
  const territories = territoriesOf(session.roles);
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="md" wrap="nowrap" miw={0}>
        <Burger
          opened={isNavbarOpened}
          onClick={onToggleNavbar}
          hiddenFrom="md"
          size="sm"
          aria-label={isNavbarOpened ? 'Fermer le menu' : 'Ouvrir le menu'}
        />
        <AppLink to={paths.home()} underline="never" aria-label="Mutualis, accueil">
          <Text fw={800} size="xl" c="teal.8">
            Mutualis
          </Text>
        </AppLink>
        {/* On a phone it moves to the top of the menu (main-nav.tsx): no room here beside the logout button. */}
        <Box visibleFrom="sm" miw={0}>
          <TerritorySwitcher territories={territories} currentSlug={role?.territorySlug ?? null} />
        </Box>
      </Group>
      <UserMenu user={session.user} role={role} onLogout={() => void logout()} />
    </Group>
  );
}
