import { Group } from '@mantine/core';
import type { RoleGrant } from '../api/types';
import { useSession } from '../auth/session-context';
import { AppLink } from '../router/app-link';
import { useLocationPath } from '../router/navigation';
import { paths } from '../router/routes';

interface MainNavProps {
  territorySlug: string | null;
}

/** Links of the current territory: its overview, and the census of each organization the user buys for. */
function linksOf(roles: RoleGrant[], territorySlug: string): { to: string; label: string }[] {
  const buyerRoles = roles.filter((role) => role.territorySlug === territorySlug && role.role === 'member' && role.organizationId);
  const census = buyerRoles.map((role) => ({
    to: paths.needs(role.organizationId ?? ''),
    label: buyerRoles.length === 1 ? 'Mes besoins' : `Besoins · ${role.organizationName ?? ''}`,
  }));
  const analysis = roles.some((role) => role.territorySlug === territorySlug && role.role !== 'supplier')
    ? [
        { to: paths.opportunities(territorySlug), label: 'Opportunités' },
        { to: paths.coordinators(territorySlug), label: 'Coordonnateurs' },
        { to: paths.families(territorySlug), label: 'Familles' },
      ]
    : [];
  return [{ to: paths.territory(territorySlug), label: 'Vue du territoire' }, ...analysis, ...census];
}

export function MainNav({ territorySlug }: MainNavProps) {
  const { session } = useSession();
  const current = useLocationPath();
  if (!territorySlug) return null;
  return (
    <Group component="nav" aria-label="Navigation principale" gap="md" visibleFrom="md" wrap="nowrap">
      {linksOf(session.roles, territorySlug).map((link) => {
        const isCurrent = current.split('?')[0] === link.to;
        return (
          <AppLink
            key={link.to}
            to={link.to}
            fw={isCurrent ? 700 : 500}
            c={isCurrent ? 'teal.8' : 'dark'}
            aria-current={isCurrent ? 'page' : undefined}
          >
            {link.label}
          </AppLink>
        );
      })}
    </Group>
  );
}
