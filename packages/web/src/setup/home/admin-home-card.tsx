import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { navigate } from '../../router/navigation';
import { paths } from '../../router/routes';

/** An administrator's way to the instance's administration, on top of any territory role. */
export function AdminHomeCard() {
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" gap="sm">
        <div>
          <Title order={2} size="h4">
            Administration de l’instance
          </Title>
          <Text size="sm" c="dimmed">
            Créez les territoires et invitez leurs animateurs.
          </Text>
        </div>
        <Button onClick={() => navigate(paths.admin())}>Ouvrir l’administration</Button>
      </Group>
    </Paper>
  );
}
