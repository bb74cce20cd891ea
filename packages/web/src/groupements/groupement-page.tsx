import { Alert, Badge, Button, Center, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { GroupementDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { downloadUrl } from '../imports/upload-file';
import { LifecyclePanel } from '../lifecycle/lifecycle-panel';
import { AssemblyPacks } from './assembly-packs';
import { GROUPEMENT_STATUS_LABELS, MANDATE_LABELS } from './groupement-labels';
import { usePageTitle } from '../shell/use-page-title';

interface GroupementPageProps {
  id: string;
}

function Fact({ label, children }: { label: string; children: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={600}>{children}</Text>
    </div>
  );
}

/** One groupement: members, coordinator(s), mandate, and its documents (convention DOCX/PDF, file XLSX). */
export default function GroupementPage({ id }: GroupementPageProps) {
  const base = `/groupements/${encodeURIComponent(id)}`;
  const { data, error, reload } = useApi<GroupementDto>(base);
  usePageTitle(data ? `Groupement : ${data.name}` : null);
  if (error) {
    const message = error.status === 403 || error.status === 404 ? 'Ce groupement n’existe pas ou ne vous est pas ouvert.' : error.message;
    return (
      <Alert color="red" title="Groupement indisponible">
        {message}
      </Alert>
    );
  }
  if (!data) {
    return (
      <Center py="xl">
        <Loader aria-label="Chargement du groupement" />
      </Center>
    );
  }
  const coordinators = data.members.filter((m) => m.isCoordinator).map((m) => m.name);
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1}>{data.name}</Title>
          <Text c="dimmed">{`${data.familyName} · CPV ${data.cpvCodes.join(', ')}`}</Text>
        </div>
        <Badge size="lg" variant="light">
          {GROUPEMENT_STATUS_LABELS[data.status]}
        </Badge>
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
          <Fact label={coordinators.length > 1 ? 'Coordonnateurs' : 'Coordonnateur'}>{coordinators.join(', ') || '—'}</Fact>
          <Fact label="Mandat du coordonnateur">{MANDATE_LABELS[data.mandateScope]}</Fact>
          <Fact label="Nature">{data.isPermanent ? 'Groupement permanent' : 'Groupement ponctuel'}</Fact>
          <Fact label="Adhésions décidées par">
            {data.admissionsBy === 'coordinator' ? 'le coordonnateur' : 'l’animateur du territoire'}
          </Fact>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Title order={2} size="h3">
            Documents
          </Title>
          <Group>
            <Button component="a" href={downloadUrl(`${base}/convention.docx`)}>
              Convention (DOCX)
            </Button>
            <Button variant="light" component="a" href={downloadUrl(`${base}/convention.pdf`)}>
              Convention (PDF)
            </Button>
            <Button variant="default" component="a" href={downloadUrl(`${base}/file.xlsx`)}>
              Dossier du groupement (XLSX)
            </Button>
          </Group>
        </Stack>
      </Paper>
      <AssemblyPacks groupement={data} />
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h3" mb="sm">
          {`Membres (${data.members.length})`}
        </Title>
        <Table.ScrollContainer minWidth={480}>
          <Table striped aria-label="Membres du groupement">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Membre</Table.Th>
                <Table.Th>SIRET</Table.Th>
                <Table.Th>Rôle</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.members.map((m) => (
                <Table.Tr key={m.organizationId}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td ff="monospace">{m.siret}</Table.Td>
                  <Table.Td>{m.isCoordinator ? <Badge color="teal">Coordonnateur</Badge> : 'Membre'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <LifecyclePanel groupementId={id} onChange={reload} />
    </Stack>
  );
}
