import { Anchor, type AnchorProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';
import { navigate } from './navigation';

interface AppLinkProps extends AnchorProps {
  to: string;
  title?: string;
  children: ReactNode;
}

/** An anchor that navigates in the app without reloading, while keeping open-in-new-tab working. */
export function AppLink({ to, children, ...props }: AppLinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <Anchor href={to} onClick={onClick} {...props}>
      {children}
    </Anchor>
  );
}
