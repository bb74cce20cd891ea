import { Avatar, Button, Group, Stack, Text } from '@mantine/core';
import type { RoleGrant, SessionUser } from '../api/types';
import { ROLE_LABELS } from '../reference/labels';

interface UserMenuProps {
  user: SessionUser;
  role: RoleGrant | null;
  onLogout: () => void;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu({ user, role, onLogout }: UserMenuProps) {
  const roleText = role ? [ROLE_LABELS[role.role], role.organizationName].filter(Boolean).join(' · ') : '';
  return (
    <Group gap="sm" wrap="nowrap">
      <Avatar color="teal" radius="xl" size="md" aria-hidden>
        {initials(user.name)}
      </Avatar>
      <Stack gap={0} visibleFrom="sm">
        <Text size="sm" fw={600} lh={1.2}>
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2}>
          {roleText}
        </Text>
      </Stack>
      <Button variant="default" size="xs" onClick={onLogout}>
        Se déconnecter
      </Button>
    </Group>
  );
}
