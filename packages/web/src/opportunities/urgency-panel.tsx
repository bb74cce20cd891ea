import { Alert, List, Loader, Stack, Switch, Text } from '@mantine/core';
import type { UrgencyExplanationDto } from '@mutualis/contract';
import { useState } from 'react';
import { useApi } from '../api/use-api';

/**
 * The facilitator marks the need as urgent (a crisis): the panel says when urgence impérieuse (R2122-1)
 * allows a contract without publicity or competition, and when it does not.
 */
export function UrgencyPanel({ slug, id }: { slug: string; id: string }) {
  const [isUrgent, setUrgent] = useState(false);
  return (
    <Stack gap="xs">
      <Switch
        label="Besoin urgent (contexte de crise) : que permet l’urgence impérieuse ?"
        checked={isUrgent}
        onChange={(e) => setUrgent(e.currentTarget.checked)}
      />
      {isUrgent && <UrgencyExplanation slug={slug} id={id} />}
    </Stack>
  );
}

function UrgencyExplanation({ slug, id }: { slug: string; id: string }) {
  const { data, error } = useApi<UrgencyExplanationDto>(
    `/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(id)}/urgency`,
  );
  if (error) return <Alert color="red">{error.message}</Alert>;
  if (!data) return <Loader size="sm" aria-label="Chargement de l’explication R2122-1" />;
  return (
    <Alert color="orange" variant="light" title="Urgence impérieuse (article R2122-1)" data-testid="urgency">
      <Text size="sm" mb={4}>
        {data.text}
      </Text>
      <Text size="xs" fs="italic" mb={6}>
        « {data.articleText} » — {data.source}
      </Text>
      <Text size="sm" fw={600}>
        S’applique seulement si, à la fois :
      </Text>
      <List size="sm" spacing={2}>
        {data.conditions.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600} mt={6}>
        Ne s’applique pas à :
      </Text>
      <List size="sm" spacing={2}>
        {data.doesNotApply.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600} mt={6}>
        À la place :
      </Text>
      <List size="sm" spacing={2}>
        {data.alternatives.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
