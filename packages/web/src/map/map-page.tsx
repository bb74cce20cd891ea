import { Alert, Center, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import type { LocalMapDto } from '@mutualis/contract';
import { useMemo } from 'react';
import { useApi } from '../api/use-api';
import { MapLegend } from './map-legend';
import { type MapMarker, TerritoryMap } from './territory-map';

/** The territory on an offline map: its départements, its firms and the delivery sites of its buyers. */
export default function MapPage({ slug }: { slug: string }) {
  const { data, error } = useApi<LocalMapDto>(`/territories/${encodeURIComponent(slug)}/local-map`);
  const markers = useMemo<MapMarker[]>(
    () =>
      data
        ? [
            ...data.sites.map((s) => ({
              id: `site:${s.code}`,
              position: s.position,
              kind: 'site' as const,
              tooltip: `Lieu de livraison : ${s.name} — ${s.organizations.join(', ')}`,
            })),
            ...data.firms.map((f) => ({
              id: `firm:${f.id}`,
              position: f.position,
              kind: 'firm' as const,
              tooltip: `${f.name}${f.isSme ? ' (PME)' : ''} — livre dans un rayon de ${f.deliveryRadiusKm} km (position approchée)`,
            })),
          ]
        : [],
    [data],
  );
  if (error)
    return (
      <Alert color="red" title="Carte indisponible">
        {error.message}
      </Alert>
    );
  if (!data)
    return (
      <Center py="xl">
        <Loader aria-label="Chargement de la carte" />
      </Center>
    );
  return (
    <Stack gap="md" maw={1200} mx="auto">
      <Title order={1}>Carte du territoire</Title>
      <Paper withBorder p="md" radius="md">
        <TerritoryMap departementCodes={data.departementCodes} markers={markers} label="Carte des entreprises et des lieux de livraison" />
        <MapLegend
          items={[
            { color: '#0ca678', label: `Entreprises (${data.firms.length})` },
            { color: '#f76707', label: `Lieux de livraison des acheteurs (${data.sites.length})`, outlined: true },
          ]}
        />
        <Text size="sm" c="dimmed" mt="xs">
          {data.positionNote} Survolez un point pour voir de qui il s’agit.
        </Text>
      </Paper>
    </Stack>
  );
}
