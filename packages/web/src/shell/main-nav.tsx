import { Box, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useSession } from '../auth/session-context';
import { navigate, useLocationPath } from '../router/navigation';
import { territoriesOf } from './current-territory';
import { resolveNavLinks } from './nav-links';
import { TerritorySwitcher } from './territory-switcher';

interface MainNavProps {
  territorySlug: string | null;
  /** Called after a link is followed (closes the sidebar on narrow screens). */
  onNavigate?: () => void;
}

/** The link of the screen shown: the exact path, else the deepest link above it (an opportunity lights « Opportunités »). */
function activeLinkOf(targets: string[], current: string): string | null {
  const above = targets.filter((to) => current === to || current.startsWith(`${to}/`));
  return above.sort((a, b) => b.length - a.length)[0] ?? null;
}

/** The sidebar: the screens of the current territory the caller may open, grouped in sections (see nav-links.ts). */
export function MainNav({ territorySlug, onNavigate }: MainNavProps) {
  const { session } = useSession();
  const current = useLocationPath().split('?')[0] ?? '/';
  if (!territorySlug) return null;
  const groups = resolveNavLinks({ roles: session.roles, territorySlug });
  const activeTo = activeLinkOf(
    groups.flatMap((group) => group.links.map((link) => link.to)),
    current,
  );
  const follow = (to: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
    onNavigate?.();
  };
  return (
    <ScrollArea component="nav" aria-label="Navigation principale" h="100%" type="auto">
      <Stack gap="md" p="sm">
        {/* On a phone the header has no room for it (header-bar.tsx). */}
        <Box hiddenFrom="sm" px="sm">
          <TerritorySwitcher territories={territoriesOf(session.roles)} currentSlug={territorySlug} isFullWidth />
        </Box>
        {groups.map((group) => (
          <Stack key={group.section} gap={2} role="group" aria-label={group.section}>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pb={4} aria-hidden>
              {group.section}
            </Text>
            {group.links.map((link) => {
              const isCurrent = link.to === activeTo;
              const Icon = link.icon;
              return (
                <NavLink
                  key={link.to}
                  component="a"
                  href={link.to}
                  onClick={follow(link.to)}
                  label={link.label}
                  leftSection={Icon ? <Icon /> : undefined}
                  active={isCurrent}
                  aria-current={isCurrent ? 'page' : undefined}
                  variant="light"
                  fw={isCurrent ? 700 : 500}
                  styles={{ root: { borderRadius: 'var(--mantine-radius-sm)' }, label: { whiteSpace: 'normal' } }}
                />
              );
            })}
          </Stack>
        ))}
      </Stack>
    </ScrollArea>
  );
}
