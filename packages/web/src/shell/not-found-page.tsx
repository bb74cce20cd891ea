import { Stack, Text, Title } from '@mantine/core';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';

export function NotFoundPage() {
  return (
    <Stack align="center" py="xl">
      <Title order={1}>Page introuvable</Title>
      <Text c="dimmed">Cette adresse ne correspond à aucun écran de Mutualis.</Text>
      <AppLink to={paths.home()}>Revenir à l’accueil</AppLink>
    </Stack>
  );
}
