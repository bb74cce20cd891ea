import { Alert, Group, Loader, Pagination, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { CompetenceDto, FirmListDto } from '@mutualis/contract';
import { useMemo, useState } from 'react';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { ContactLogPanel } from './contact-log-panel';
import { LocalFirmsTable } from './firms-table';

const PAGE_SIZE = 10;

/** The territory's firm directory, filterable by competence and CPV, with the log of contacts (R2111-1). */
export default function FirmsPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const [competence, setCompetence] = useState<string | null>(null);
  const [cpv, setCpv] = useState('');
  const [page, setPage] = useState(1);
  const cpvFilter = /^\d{2,8}$/.test(cpv) ? cpv : undefined;
  const { data, error, isLoading } = useApi<FirmListDto>(`/territories/${encodeURIComponent(slug)}/firms`, {
    competence: competence ?? undefined,
    cpv: cpvFilter,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  });
  const competences = useApi<{ items: CompetenceDto[] }>('/competences');
  const labels = useMemo(() => new Map((competences.data?.items ?? []).map((c) => [c.code, c.labelFr] as const)), [competences.data]);
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <Stack gap="md" maw={1500} mx="auto">
      <Title order={1}>Entreprises du territoire</Title>
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" mb="md">
          <Select
            label="Compétence"
            placeholder="Toutes"
            searchable
            clearable
            data={(competences.data?.items ?? []).map((c) => ({ value: c.code, label: c.labelFr }))}
            value={competence}
            onChange={(value) => {
              setCompetence(value);
              setPage(1);
            }}
            w={320}
          />
          <TextInput
            label="Code CPV (début)"
            placeholder="ex. 3374"
            value={cpv}
            onChange={(event) => {
              setCpv(event.currentTarget.value.trim());
              setPage(1);
            }}
            error={cpv !== '' && !cpvFilter ? '2 à 8 chiffres' : undefined}
            w={180}
          />
          {isLoading && <Loader size="sm" aria-label="Chargement des entreprises" />}
        </Group>
        {error && <Alert color="red">{error.message}</Alert>}
        {data && (
          <>
            <Text size="sm" c="dimmed" mb="xs">
              {data.total} entreprise{data.total > 1 ? 's' : ''}. Capacités déclarées par les entreprises dans leur profil.
            </Text>
            <LocalFirmsTable firms={data.items} competenceLabels={labels} />
            {pageCount > 1 && (
              <Group justify="center" mt="md">
                <Pagination total={pageCount} value={page} onChange={setPage} aria-label="Pages d’entreprises" />
              </Group>
            )}
          </>
        )}
      </Paper>
      <ContactLogPanel slug={slug} canLog={isFacilitator} />
    </Stack>
  );
}
