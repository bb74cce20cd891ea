import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import type { BuyerNameDto, BuyerNamePage } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { withFrenchSpacing } from '../format/french-spacing';
import { ORGANIZATION_KIND_LABELS } from '../reference/labels';
import { PagedCards } from './paged-cards';
import { type ReviewScope, ReviewScopeControl, ReviewSearchInput } from './review-filters';
import { useCardAction } from './use-card-action';

const PAGE = 50;
const STATUS: Record<BuyerNameDto['status'], { label: string; color: string }> = {
  legal_unit: { label: 'Unité légale', color: 'teal' },
  unit_of_legal_unit: { label: 'Budget ou service rattaché', color: 'blue' },
  unknown_legal_unit: { label: 'Unité légale inconnue', color: 'orange' },
  kept: { label: 'Nom conservé', color: 'gray' },
};

/**
 * Issue 15 §4: the buyer names the product repaired or put under their legal unit, those to
 * review first; the facilitator confirms or corrects them.
 */
export function BuyerNamesPanel({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const [scope, setScope] = useState<ReviewScope>('toReview');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const page = useApi<BuyerNamePage>(`/territories/${encodeURIComponent(slug)}/buyer-names`, {
    limit: PAGE,
    offset,
    ...(scope === 'toReview' ? { toReview: 'true' } : {}),
    ...(query.trim() === '' ? {} : { q: query.trim() }),
  });
  const total = page.data ? Object.values(page.data.byStatus).reduce((sum, n) => sum + n, 0) : null;
  return (
    <Stack gap="md">
      <Text c="dimmed">
        {withFrenchSpacing(
          'Les noms d’acheteurs publiés dans les DECP sont repris : accents perdus rétablis quand une source sûre les donne, budgets et ' +
            'services (« BUDGET PRINCIPAL », « Direction de… ») rattachés à leur unité légale, pour qu’aucun ne soit pris pour une ' +
            'personne morale, comme coordonnateur par exemple.',
        )}
      </Text>
      <Group align="flex-end" gap="md">
        <ReviewScopeControl
          value={scope}
          onChange={(next) => {
            setScope(next);
            setOffset(0);
          }}
          counts={page.data && total !== null ? { toReview: page.data.toReview, all: total } : null}
        />
        <ReviewSearchInput
          value={query}
          onChange={(text) => {
            setQuery(text);
            setOffset(0);
          }}
          placeholder="Nom ou SIRET"
        />
      </Group>
      <PagedCards
        page={page}
        empty={scope === 'toReview' ? 'Aucun nom à vérifier.' : 'Aucun nom.'}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
      >
        {(item) => <BuyerNameCard key={item.organizationId} item={item} canEdit={canEdit} onChange={page.reload} />}
      </PagedCards>
    </Stack>
  );
}

function BuyerNameCard({ item, canEdit, onChange }: { item: BuyerNameDto; canEdit: boolean; onChange: () => void }) {
  const [name, setName] = useState('');
  const { failure, run } = useCardAction(onChange);
  const review = (body: { name?: string }) =>
    run(async () => {
      await api.post(`/organizations/${item.organizationId}/name-review`, body);
      setName('');
    });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <div style={{ minWidth: 0 }}>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {withFrenchSpacing(item.name)}
            </Text>
            <Text size="sm" c="dimmed">
              SIRET {item.siret} · {ORGANIZATION_KIND_LABELS[item.kind]}
            </Text>
          </div>
          <Group gap="xs">
            <Badge color={STATUS[item.status].color} variant="light">
              {STATUS[item.status].label}
            </Badge>
            {item.isToReview && (
              <Badge color="orange" variant="outline">
                À vérifier
              </Badge>
            )}
          </Group>
        </Group>
        <Stack gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
          {item.explanation.map((line) => (
            <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {withFrenchSpacing(line)}
            </Text>
          ))}
        </Stack>
        {canEdit && (
          <Group gap="xs" align="flex-end">
            {item.isToReview && (
              <Button size="xs" variant="light" onClick={() => void review({})}>
                Confirmer ce nom
              </Button>
            )}
            <TextInput
              size="xs"
              label="Nom corrigé"
              placeholder={item.name}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              w={260}
              maw="100%"
            />
            <Button size="xs" disabled={name.trim() === ''} onClick={() => void review({ name: name.trim() })}>
              Corriger
            </Button>
          </Group>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
      </Stack>
    </Paper>
  );
}
