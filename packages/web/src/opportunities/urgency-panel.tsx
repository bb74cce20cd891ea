import { Alert, List, Loader, Stack, Switch, Text } from '@mantine/core';
import type { UrgencyExplanationDto, UrgencyMarkDto } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

/**
 * The facilitator marks the need as urgent (a crisis); the mark is stored on the opportunity, and while it
 * stands the panel says when urgence impérieuse (R2122-1) allows a contract without publicity or competition,
 * and when it does not.
 */
export function UrgencyPanel({ slug, id }: { slug: string; id: string }) {
  const path = `/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(id)}/urgency-mark`;
  const stored = useApi<UrgencyMarkDto>(path);
  const [saved, setSaved] = useState<UrgencyMarkDto | null>(null);
  const [isSaving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const mark = saved ?? stored.data;
  const toggle = async (isUrgent: boolean) => {
    setSaving(true);
    setSaveError(null);
    try {
      setSaved(await api.put<UrgencyMarkDto>(path, { isUrgent }));
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : 'La marque n’a pas pu être enregistrée.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack gap="xs">
      <Switch
        label="Besoin urgent (contexte de crise) : que permet l’urgence impérieuse ?"
        description={mark?.isUrgent && mark.markedAt ? `Marqué urgent le ${frenchDate(mark.markedAt)}` : undefined}
        checked={mark?.isUrgent ?? false}
        disabled={mark === null || isSaving}
        onChange={(e) => void toggle(e.currentTarget.checked)}
      />
      {(saveError ?? stored.error) && <Alert color="red">{saveError ?? stored.error?.message}</Alert>}
      {mark?.isUrgent && <UrgencyExplanation slug={slug} id={id} />}
    </Stack>
  );
}

/** dd/mm/yyyy of a stored ISO timestamp. */
function frenchDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
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
