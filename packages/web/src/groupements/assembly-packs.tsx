import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { GroupementDto, GroupementList } from '@mutualis/contract';
import type { Session } from '../api/types';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { downloadUrl } from '../imports/upload-file';
import { isPublicBuyer } from '../reference/labels';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';

const LOCAL_AUTHORITIES = ['commune', 'departement', 'region', 'epci'];

/** The members whose pack the user may download: all for the facilitator and a coordinator, else its own. */
export function packMembersFor(session: Session, groupement: GroupementDto): GroupementDto['members'] {
  const grants = session.roles.filter((r) => r.territoryId === groupement.territoryId);
  if (grants.some((r) => r.role === 'facilitator')) return groupement.members;
  const own = new Set(grants.filter((r) => r.role === 'member' && r.organizationId !== null).map((r) => r.organizationId));
  if (groupement.coordinatorIds.some((id) => own.has(id))) return groupement.members;
  return groupement.members.filter((m) => own.has(m.organizationId));
}

function standingOf(kind: GroupementDto['members'][number]['kind']): { label: string; color: string; act: string } {
  if (LOCAL_AUTHORITIES.includes(kind)) return { label: 'Collectivité', color: 'blue', act: 'projet de délibération' };
  if (isPublicBuyer(kind)) return { label: 'Acheteur public', color: 'teal', act: 'projet de décision' };
  return { label: 'Membre privé (L2113-6)', color: 'grape', act: 'projet de décision de son organe compétent' };
}

/** Per member: the assembly pack (presentation note, draft deliberation or decision, convention annexes) in DOCX and PDF. */
export function AssemblyPacks({ groupement }: { groupement: GroupementDto }) {
  const { session } = useSession();
  const members = packMembersFor(session, groupement);
  if (members.length === 0) return null;
  const isOwnOnly = members.length < groupement.members.length;
  const base = `/groupements/${encodeURIComponent(groupement.id)}/members`;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {isOwnOnly ? 'Votre dossier d’assemblée' : 'Dossiers d’assemblée des membres'}
        </Title>
        <Text size="sm" c="dimmed">
          Note de présentation (besoins, montants, économies et leur source, calendrier, coordonnateur, risques), projet de délibération ou
          de décision, annexes de la convention. Chaque dossier ne contient que les chiffres de son membre, avec les quantités et montants
          maximums de l’annexe que tous les signataires lisent.
        </Text>
        {members.map((m) => {
          const standing = standingOf(m.kind);
          const href = (format: 'docx' | 'pdf') => downloadUrl(`${base}/${encodeURIComponent(m.organizationId)}/assembly-pack.${format}`);
          return (
            <Group key={m.organizationId} justify="space-between" wrap="wrap" gap="xs" aria-label={`Dossier d’assemblée de ${m.name}`}>
              <div>
                <Group gap="xs">
                  <Text fw={600}>{m.name}</Text>
                  <Badge color={standing.color} variant="light">
                    {standing.label}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">{`Note, ${standing.act}, annexes`}</Text>
              </div>
              <Group gap="xs">
                <Button size="xs" component="a" href={href('docx')} aria-label={`Dossier d’assemblée de ${m.name} (DOCX)`}>
                  DOCX
                </Button>
                <Button size="xs" variant="light" component="a" href={href('pdf')} aria-label={`Dossier d’assemblée de ${m.name} (PDF)`}>
                  PDF
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

/** On a member's own screen: its pack in each groupement it belongs to. */
export function OwnAssemblyPacks({ organizationId, territorySlug }: { organizationId: string; territorySlug: string }) {
  const { data } = useApi<GroupementList>(`/territories/${encodeURIComponent(territorySlug)}/groupements`);
  const groupements = (data?.items ?? []).filter((g) => g.members.some((m) => m.organizationId === organizationId));
  if (groupements.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          Dossiers d’assemblée
        </Title>
        <Text size="sm" c="dimmed">
          Pour chaque groupement dont votre organisation est membre : note de présentation, projet de délibération ou de décision, annexes
          de la convention, avec vos seuls chiffres.
        </Text>
        {groupements.map((g) => {
          const href = (format: 'docx' | 'pdf') =>
            downloadUrl(`/groupements/${encodeURIComponent(g.id)}/members/${encodeURIComponent(organizationId)}/assembly-pack.${format}`);
          return (
            <Group key={g.id} justify="space-between" wrap="wrap" gap="xs">
              <AppLink to={paths.groupement(g.id)}>{g.name}</AppLink>
              <Group gap="xs">
                <Button size="xs" component="a" href={href('docx')} aria-label={`Dossier d’assemblée pour ${g.name} (DOCX)`}>
                  DOCX
                </Button>
                <Button size="xs" variant="light" component="a" href={href('pdf')} aria-label={`Dossier d’assemblée pour ${g.name} (PDF)`}>
                  PDF
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
