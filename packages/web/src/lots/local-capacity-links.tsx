import { Button, Group } from '@mantine/core';
import { navigate } from '../router/navigation';
import { localPaths } from '../sourcing/local-routes';

/** Entry points from an opportunity to its local supply chain and its lot designer. */
export function LocalCapacityLinks({ slug, id }: { slug: string; id: string }) {
  return (
    <Group gap="xs">
      <Button
        variant="light"
        component="a"
        href={localPaths.sourcing(slug, id)}
        onClick={(e) => {
          e.preventDefault();
          navigate(localPaths.sourcing(slug, id));
        }}
      >
        Sourcing local
      </Button>
      <Button
        variant="light"
        component="a"
        href={localPaths.lots(slug, id)}
        onClick={(e) => {
          e.preventDefault();
          navigate(localPaths.lots(slug, id));
        }}
      >
        Allotissement
      </Button>
    </Group>
  );
}
