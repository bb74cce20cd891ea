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
    <Group gap="sm" wrap="nowrap" miw={0}>
      <Avatar color="teal" radius="xl" size="md" aria-hidden visibleFrom="sm">
        {initials(user.name)}
      </Avatar>
      <Stack gap={0} visibleFrom="sm" miw={0} maw={320}>
        <Text size="sm" fw={600} lh={1.2} truncate="end">
          {user.name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.2} truncate="end" title={roleText}>
          {roleText}
        </Text>
      </Stack>
      <Button variant="default" size="xs" onClick={onLogout} style={{ flexShrink: 0 }}>
        Se déconnecter
      </Button>
    </Group>
  );
}
