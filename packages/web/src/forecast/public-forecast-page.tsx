import { Alert, Anchor, Box, Button, Center, Container, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { PublicForecastDto } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api';
import { AccountRequestModal } from '../setup/requests/account-request-form';
import { ConsultationCard } from './consultation-card';

/** The public forecast of a territory, readable without an account (no prices, no members' needs). */
export default function PublicForecastPage({ slug }: { slug: string }) {
  const { data, error } = useApi<PublicForecastDto>(`/public/territories/${encodeURIComponent(slug)}/forecast`);
  const base = `/api/public/territories/${encodeURIComponent(slug)}`;
  const [isRequesting, setIsRequesting] = useState(false);
  return (
    <Box bg="gray.0" mih="100vh" py="xl">
      <Container size="lg">
        {error && (
          <Alert color="red" title="Prévisions indisponibles">
            {error.status === 404 ? 'Ce territoire n’existe pas.' : error.message}
          </Alert>
        )}
        {!data && !error && (
          <Center py="xl">
            <Loader aria-label="Chargement des prévisions" />
          </Center>
        )}
        {data && (
          <Stack gap="md">
            <Text c="teal.8" fw={700}>
              Mutualis · achats publics groupés
            </Text>
            <Title order={1}>Consultations prévues — {data.territory.name}</Title>
            <Text>
              Les acheteurs publics du territoire publient ici les consultations qu’ils prévoient de lancer, pour que les entreprises
              locales puissent s’y préparer. Les entreprises inscrites peuvent déclarer leur intérêt et leur capacité pour chaque lot.
            </Text>
            <Alert color="blue" variant="light">
              {data.notice}
            </Alert>
            <Group gap="lg">
              <Anchor href={`${base}/forecast.ics`}>Ajouter à mon agenda (iCalendar)</Anchor>
              <Anchor href={`${base}/forecast.csv`}>Télécharger le tableau (CSV)</Anchor>
              <Anchor href="/connexion">Espace entreprise : se connecter</Anchor>
            </Group>
            <Group gap="sm">
              <Button variant="light" onClick={() => setIsRequesting(true)}>
                Votre entreprise n’a pas de compte ? Demandez-en un
              </Button>
            </Group>
            <AccountRequestModal
              slug={slug}
              territoryName={data.territory.name}
              opened={isRequesting}
              onClose={() => setIsRequesting(false)}
            />
            {data.consultations.length === 0 && <Text c="dimmed">Aucune consultation prévue pour l’instant.</Text>}
            {data.consultations.map((c) => (
              <ConsultationCard key={c.id} consultation={c} />
            ))}
          </Stack>
        )}
      </Container>
    </Box>
  );
}
