import { Alert, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { formatWholeEuros } from '../format/money';
import { articleNote } from './article-notes';
import type { OpportunityDetail } from './opportunity-types';
import { ProcedureBadge } from './procedure-badge';
import { ThresholdCrossing } from './threshold-crossing';
import { UrgencyPanel } from './urgency-panel';

const BASIS_LABELS = { state: 'État', local: 'collectivités territoriales', works: 'travaux' } as const;

/** The procedure the pooled value requires: article, threshold version, and the "seuil franchi" trade-off. */
export function ProcedurePanel({ detail, urgency }: { detail: OpportunityDetail; urgency?: { slug: string; id: string } }) {
  const p = detail.procedureDetail;
  const names = new Map(detail.members.map((m) => [m.organizationId, m.name]));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Procédure
        </Title>
        <Group gap="sm">
          <ProcedureBadge
            kind={p.kind}
            article={detail.procedure.article}
            fullLabel={p.labelFr}
            thresholdVersion={p.thresholdVersionId}
            isThresholdCrossed={p.thresholdCrossed.isCrossed}
            size="lg"
          />
          <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
            {`Version des seuils : ${p.thresholdVersionId}`}
          </Badge>
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {p.labelFr.charAt(0).toUpperCase() + p.labelFr.slice(1)}
          </Text>
          {` : valeur estimée ${p.estimatedValueCents === null ? 'non communiquée' : `${formatWholeEuros(p.estimatedValueCents)} HT`} pour un seuil européen de ${formatWholeEuros(p.formalisedThresholdCents)} HT (seuil ${BASIS_LABELS[p.formalisedBasis]}${p.isMixedStateLocal ? ', groupement mixte État / collectivités : seuil le plus bas' : ''}).`}
        </Text>
        <List size="sm" spacing={2}>
          {p.articles.map((article) => (
            <List.Item key={article}>
              <Text span fw={600} size="sm">{`Art. ${article}`}</Text>
              {articleNote(article) ? ` — ${articleNote(article)}` : ''}
            </List.Item>
          ))}
        </List>
        <ThresholdCrossing procedure={p} names={names} />
        {urgency && <UrgencyPanel slug={urgency.slug} id={urgency.id} />}
        {p.needsVerification && (
          <Alert color="gray" variant="light">
            Ces seuils sont ceux annoncés pour la période ; vérifiez-les au Journal officiel avant de lancer la consultation.
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
