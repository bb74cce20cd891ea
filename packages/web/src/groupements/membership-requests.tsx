import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import type {
  JoinableGroupementList,
  MembershipDecisionBody,
  MembershipRequestBody,
  MembershipRequestDto,
  MembershipRequestList,
} from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatDateFr } from '../charts/french-dates';
import { GROUPEMENT_STATUS_LABELS } from './groupement-labels';

const failureText = (error: unknown) =>
  isApiError(error) ? [error.message, ...error.issues.map((i) => i.reason)].join(' ') : 'Réessayez dans un instant.';

/** A modal with one text area and a confirm button: the member's message, or the facilitator's reason for a refusal. */
function TextModal(props: {
  opened: boolean;
  title: string;
  label: string;
  description: string;
  confirm: string;
  isRequired: boolean;
  onClose: () => void;
  onConfirm: (text: string) => Promise<void>;
}) {
  const [text, setText] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const submit = async () => {
    setIsBusy(true);
    setFailure(null);
    try {
      await props.onConfirm(text.trim());
      setText('');
      props.onClose();
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title}>
      <Stack>
        <Textarea
          label={props.label}
          description={props.description}
          autosize
          minRows={3}
          maxLength={2000}
          withAsterisk={props.isRequired}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {failure && (
          <Alert color="red" title="Action impossible">
            {failure}
          </Alert>
        )}
        <Button onClick={submit} loading={isBusy} disabled={props.isRequired && text.trim() === ''}>
          {props.confirm}
        </Button>
      </Stack>
    </Modal>
  );
}

/** Where the organization's request stands, in French. */
function requestText(request: MembershipRequestDto | null): string {
  if (request === null) return '—';
  if (request.status === 'pending') return `Demande envoyée le ${formatDateFr(request.requestedAt.slice(0, 10))}, en attente de décision`;
  if (request.status === 'accepted') return `Demande acceptée le ${formatDateFr((request.decidedAt ?? '').slice(0, 10))}`;
  return `Demande refusée le ${formatDateFr((request.decidedAt ?? '').slice(0, 10))} : ${request.decisionReason ?? ''}`;
}

/**
 * For a member buyer: the groupements of the territory its organization is not in, with a
 * « Demander à rejoindre » button. The request waits for the decision of the facilitator (or of the
 * coordinator where the convention says so); the member never adds itself.
 */
export function JoinableGroupements({ slug }: { slug: string }) {
  const joinable = useApi<JoinableGroupementList>(`/territories/${encodeURIComponent(slug)}/groupements/joinable`);
  const [asking, setAsking] = useState<{ id: string; name: string } | null>(null);
  const organizationId = joinable.data?.organizationId ?? null;
  if (joinable.error || !joinable.data || organizationId === null) return null;
  const ask = async (message: string) => {
    if (!asking) return;
    const body: MembershipRequestBody = { organizationId, message };
    await api.post<MembershipRequestDto>(`/groupements/${encodeURIComponent(asking.id)}/membership-requests`, body);
    joinable.reload();
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3">
            Rejoindre un groupement
          </Title>
          <Text size="sm" c="dimmed">
            Votre organisation peut demander à rejoindre un groupement du territoire. La demande est examinée par l’animateur du territoire
            (ou par le coordonnateur lorsque la convention le prévoit) ; vous ne voyez le dossier du groupement qu’une fois admis.
          </Text>
        </div>
        {joinable.data.items.length === 0 ? (
          <Text c="dimmed">Votre organisation est membre de tous les groupements du territoire.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Groupements que vous pouvez demander à rejoindre">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Groupement</Table.Th>
                  <Table.Th>Membres</Table.Th>
                  <Table.Th>Étape</Table.Th>
                  <Table.Th>Votre demande</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {joinable.data.items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {g.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {g.familyName}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{g.memberNames.join(', ')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{GROUPEMENT_STATUS_LABELS[g.status]}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{requestText(g.request)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {g.cannotRequestReason === null ? (
                        <Button size="xs" onClick={() => setAsking({ id: g.id, name: g.name })}>
                          Demander à rejoindre
                        </Button>
                      ) : (
                        <Text size="xs" c="dimmed" maw={240}>
                          {g.cannotRequestReason}
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <TextModal
        opened={asking !== null}
        title={`Demander à rejoindre « ${asking?.name ?? ''} »`}
        label="Message pour qui décide (facultatif)"
        description="Par exemple vos besoins annuels de la famille et la date de fin de votre marché en cours."
        confirm="Envoyer la demande"
        isRequired={false}
        onClose={() => setAsking(null)}
        onConfirm={ask}
      />
    </Paper>
  );
}

/** For the facilitator: the requests waiting for a decision, to accept or refuse (with a reason the requester reads). */
export function PendingMembershipRequests({ slug, onDecided }: { slug: string; onDecided: () => void }) {
  const pending = useApi<MembershipRequestList>(`/territories/${encodeURIComponent(slug)}/membership-requests`, { status: 'pending' });
  const [refusing, setRefusing] = useState<MembershipRequestDto | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (pending.error || !pending.data) return null;
  const decide = async (request: MembershipRequestDto, body: MembershipDecisionBody) => {
    await api.post<MembershipRequestDto>(`/membership-requests/${encodeURIComponent(request.id)}/decision`, body);
    pending.reload();
    onDecided();
  };
  const accept = async (request: MembershipRequestDto) => {
    setFailure(null);
    try {
      await decide(request, { decision: 'accept' });
    } catch (error) {
      setFailure(failureText(error));
    }
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {`Demandes d’adhésion en attente (${pending.data.items.length})`}
        </Title>
        {failure && (
          <Alert color="red" title="Décision impossible">
            {failure}
          </Alert>
        )}
        {pending.data.items.length === 0 ? (
          <Text c="dimmed">Aucune demande en attente.</Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table striped aria-label="Demandes d’adhésion en attente">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Organisation</Table.Th>
                  <Table.Th>Groupement</Table.Th>
                  <Table.Th>Message</Table.Th>
                  <Table.Th>Reçue le</Table.Th>
                  <Table.Th>Décision</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {pending.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{r.organizationName}</Table.Td>
                    <Table.Td>{r.groupementName}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.message || '—'}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateFr(r.requestedAt.slice(0, 10))}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" color="teal" onClick={() => accept(r)}>
                          Accepter
                        </Button>
                        <Button size="xs" variant="light" color="red" onClick={() => setRefusing(r)}>
                          Refuser
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <TextModal
        opened={refusing !== null}
        title={`Refuser la demande de ${refusing?.organizationName ?? ''}`}
        label="Motif du refus"
        description="Le demandeur lira ce motif."
        confirm="Refuser la demande"
        isRequired
        onClose={() => setRefusing(null)}
        onConfirm={async (reason) => {
          if (refusing) await decide(refusing, { decision: 'refuse', reason });
        }}
      />
    </Paper>
  );
}
