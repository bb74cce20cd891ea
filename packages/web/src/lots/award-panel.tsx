import { Alert, Anchor, Badge, Button, Group, List, Paper, Slider, Stack, Table, Text, Title } from '@mantine/core';
import type { DesignedLotDto, LotDesignDto } from '@mutualis/contract';
import { formatWholeEuros } from '../format/money';
import { downloadUrl } from '../imports/upload-file';

type Design = Extract<LotDesignDto['design'], { ok: true }>;

/** The security weight a facilitator sets (taken from price), with the rule that grounds it. */
export function SecurityWeightSlider({ value, onChange }: { value: number; onChange: (v: number) => void }) {
  return (
    <div style={{ width: 360, maxWidth: '100%' }}>
      <Text size="sm" fw={500} mb={4} id="security-label">
        Poids de la sécurité d’approvisionnement, pris sur le prix : {value} %
      </Text>
      <Slider
        min={0}
        max={20}
        step={5}
        value={value}
        onChange={onChange}
        marks={[0, 5, 10, 15, 20].map((v) => ({ value: v, label: `${v} %` }))}
        aria-labelledby="security-label"
        thumbLabel="Poids de la sécurité d’approvisionnement"
      />
    </div>
  );
}

/**
 * Award criteria and weights, execution conditions and the turnover cap of each lot, with the obligations
 * of the rules in force (loi Climat et résilience), the candidate joint bids and the consultation skeleton.
 */
export function AwardPanel({
  design,
  lots,
  docxPath,
  query,
}: {
  design: Design;
  lots: DesignedLotDto[];
  docxPath: string;
  query: Record<string, string | number | undefined>;
}) {
  const rules = design.awardRules;
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3">
          Critères d’attribution, capacité exigée et clauses
        </Title>
        <Button component="a" variant="light" href={downloadUrl(docxPath, query)}>
          Trame de consultation (RC et CCAP, DOCX)
        </Button>
      </Group>
      {rules && rules.obligations.length > 0 && (
        <Alert
          color="blue"
          variant="light"
          mb="sm"
          title={`Obligations en vigueur au lancement (règles du ${frenchDate(rules.effectiveFrom)})`}
        >
          <Text size="sm">
            Loi Climat et résilience (art. 35), pour les consultations lancées à partir du 21 août 2026 : {rules.obligations.join(', ')}.
          </Text>
        </Alert>
      )}
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="sm" aria-label="Critères et capacité par lot">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Lot</Table.Th>
              <Table.Th>Critères et pondération</Table.Th>
              <Table.Th>Conditions d’exécution</Table.Th>
              <Table.Th>Capacité exigée (R2142-7)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lots.map((lot) =>
              lot.award ? (
                <Table.Tr key={lot.id}>
                  <Table.Td>
                    <Text fw={600}>{lot.label}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2}>
                      {lot.award.criteria.criteria.map((c) => (
                        <Text key={c.kind} size="sm" title={c.basis}>
                          {c.labelFr} : <b>{c.weight} %</b>
                        </Text>
                      ))}
                      <Text size="xs" c="dimmed" data-testid="security-cost">
                        {lot.award.criteria.securityCost.explanation}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      {lot.award.criteria.conditions.map((c) => (
                        <Text key={c.kind} size="sm">
                          <Badge size="xs" color={c.isRequired ? 'blue' : 'gray'} variant="light" mr={4}>
                            {c.isRequired ? 'obligatoire' : 'facultative'}
                          </Badge>
                          {c.labelFr}
                        </Text>
                      ))}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">Plafond : {formatWholeEuros(lot.award.turnover.capCents)}</Text>
                    <Text size="xs" c="dimmed">
                      {lot.award.turnover.explanation}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ) : null,
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {design.jointBids.length > 0 && (
        <Stack gap={4} mt="sm" aria-label="Candidatures groupées proposées">
          <Title order={3} size="h4">
            Candidatures groupées proposées (cotraitance)
          </Title>
          <List size="sm">
            {design.jointBids.map((j) => (
              <List.Item key={`${j.leadId}+${j.partnerIds.join('+')}`}>
                <b>{j.name}</b> — {j.explanation}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {rules && (
        <details>
          <summary>
            <Anchor component="span" size="xs">
              Textes appliqués et sources
            </Anchor>
          </summary>
          {rules.texts.map((t) => (
            <Text key={`${t.article}-${t.source}`} size="xs" c="dimmed" mt={4}>
              <b>{t.article}</b> : « {t.text} » — {t.source}
              {t.verify ? ' (à confirmer sur Légifrance)' : ''}
            </Text>
          ))}
        </details>
      )}
    </Paper>
  );
}

function frenchDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
