import { Group } from '@mantine/core';
import type { RoleGrant } from '../api/types';
import { AppLink } from '../router/app-link';
import { useLocationPath } from '../router/navigation';
import { paths } from '../router/routes';

interface MainNavProps {
  role: RoleGrant | null;
}

export function MainNav({ role }: MainNavProps) {
  const current = useLocationPath();
  if (!role) return null;
  const links = [{ to: paths.territory(role.territorySlug), label: 'Vue du territoire' }];
  if (role.organizationId) links.push({ to: paths.needs(role.organizationId), label: 'Mes besoins' });
  return (
    <Group component="nav" aria-label="Navigation principale" gap="md" visibleFrom="md">
      {links.map((link) => (
        <AppLink
          key={link.to}
          to={link.to}
          fw={current === link.to ? 700 : 500}
          c={current === link.to ? 'teal.8' : 'dark'}
          aria-current={current === link.to ? 'page' : undefined}
        >
          {link.label}
        </AppLink>
      ))}
    </Group>
  );
}
