import { Center, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the screens opened without a session (first administrator, password): brand, then one card. */
export function PublicCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Stack w={520} maw="100%" gap="lg">
        <Stack gap={4} align="center">
          <Text fw={800} fz={32} c="teal.8" component="p" m={0}>
            Mutualis
          </Text>
          <Text c="dimmed" ta="center">
            Recenser les besoins d’achat du territoire et préparer des groupements de commandes
          </Text>
        </Stack>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Title order={1} size="h3">
              {title}
            </Title>
            {children}
          </Stack>
        </Paper>
      </Stack>
    </Center>
  );
}
