import { Alert, Center, Loader, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ObservatoryOpportunityDetailDto } from '@mutualis/contract';
import { useApi } from '../api/use-api';
import { formatDateFr } from '../charts/french-dates';
import { formatWholeEuros } from '../format/money';

interface ObservatoryEvidenceModalProps {
  departement: string;
  familyCode: string;
  onClose: () => void;
}

/** Why this opportunity, and the published contracts it comes from. */
export function ObservatoryEvidenceModal({ departement, familyCode, onClose }: ObservatoryEvidenceModalProps) {
  const isNarrow = useMediaQuery('(max-width: 48em)');
  const { data, error } = useApi<ObservatoryOpportunityDetailDto>(
    `/observatory/departements/${encodeURIComponent(departement)}/opportunities/${encodeURIComponent(familyCode)}`,
  );
  return (
    <Modal opened onClose={onClose} size="xl" title={data ? data.family.label : 'Preuves'} fullScreen={isNarrow === true}>
      {error ? (
        <Alert color="red">{error.message}</Alert>
      ) : data === null ? (
        <Center py="xl">
          <Loader aria-label="Chargement des preuves" />
        </Center>
      ) : (
        <Stack gap="md">
          <Text size="sm">{data.explanation}</Text>
          <div>
            <Title order={3} size="h5">
              Pourquoi ce rang
            </Title>
            <Text size="sm">{data.poolability.reason}</Text>
          </div>
          <Title order={3} size="h5">{`Marchés publiés (${data.contracts.length})`}</Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Marchés publiés dont vient l’opportunité">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Acheteur</Table.Th>
                  <Table.Th>Objet</Table.Th>
                  <Table.Th title="Date de notification (à défaut, de publication des données)">Début</Table.Th>
                  <Table.Th ta="right">Montant HT</Table.Th>
                  <Table.Th ta="right">Par an</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.contracts.map((c) => (
                  <Table.Tr key={`${c.buyerSiret}-${c.reference}`}>
                    <Table.Td>
                      <Text size="sm">{c.buyerName}</Text>
                      <Text size="xs" c="dimmed">{`SIRET ${c.buyerSiret}`}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.label}</Text>
                      <Text size="xs" c="dimmed">{`${c.reference} · CPV ${c.cpvCode} · ${c.durationMonths} mois`}</Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateFr(c.startDate)}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatWholeEuros(c.amountCents)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {c.isCounted ? (
                        formatWholeEuros(c.annualAmountCents)
                      ) : (
                        <Text
                          size="xs"
                          c="orange.8"
                          title="Montant fictif ou anormal : écarté de l’estimation tant qu’il n’est pas confirmé"
                        >
                          non compté (à vérifier)
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Modal>
  );
}
