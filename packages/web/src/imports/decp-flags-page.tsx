import { Alert, Badge, Button, Group, NumberInput, Paper, Select, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { countFr, DECP_FLAG_LABELS, type DecpFlagView, type FlaggedContractDto, type FlaggedContractPage } from '@mutualis/contract';
import { useState } from 'react';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { FrenchDateInput } from '../dates/french-date-input';
import { withFrenchSpacing } from '../format/french-spacing';
import { CpvAutocomplete } from '../needs/cpv-autocomplete';
import { eurosToCents, formatEuros } from '../format/money';
import { BuyerNamesPanel } from './buyer-names-panel';
import { PagedCards } from './paged-cards';
import { type ReviewScope, ReviewScopeControl, ReviewSearchInput } from './review-filters';
import { useCardAction } from './use-card-action';

const STATUS: Record<DecpFlagView['status'], { label: string; color: string }> = {
  pending: { label: 'À vérifier', color: 'orange' },
  confirmed: { label: 'Confirmé', color: 'teal' },
  corrected: { label: 'Corrigé', color: 'blue' },
};
const PAGE = 50;

/** Issue 15 §3–4: the DECP records kept with flags, and the buyer names resolved, for the facilitator to confirm or correct. */
export default function DecpFlagsPage({ slug }: { slug: string }) {
  const { session } = useSession();
  const canEdit = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={1}>DECP à vérifier</Title>
        <Text c="dimmed">
          {withFrenchSpacing(
            'Chaque marché réel est gardé ; ce qui ne peut être pris tel quel est signalé et expliqué, marchés comme noms d’acheteurs.',
          )}
        </Text>
      </div>
      <Tabs defaultValue="contracts" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="contracts">Marchés signalés</Tabs.Tab>
          <Tabs.Tab value="names">Noms d’acheteurs</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contracts" pt="md">
          <FlaggedContracts slug={slug} canEdit={canEdit} />
        </Tabs.Panel>
        <Tabs.Panel value="names" pt="md">
          <BuyerNamesPanel slug={slug} canEdit={canEdit} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function FlaggedContracts({ slug, canEdit }: { slug: string; canEdit: boolean }) {
  const [scope, setScope] = useState<ReviewScope>('toReview');
  const [code, setCode] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [q] = useDebouncedValue(query.trim(), 250);
  const [offset, setOffset] = useState(0);
  const page = useApi<FlaggedContractPage>(`/territories/${encodeURIComponent(slug)}/decp-flags`, {
    limit: PAGE,
    offset,
    status: scope === 'toReview' ? 'pending' : 'all',
    ...(code === null ? {} : { code }),
    ...(q === '' ? {} : { q }),
  });
  const counts = scope === 'toReview' ? page.data?.pendingCounts : page.data?.counts;
  const options = counts
    ? (Object.entries(counts) as [DecpFlagView['code'], number][])
        .filter(([value, n]) => n > 0 || value === code)
        .map(([value, n]) => ({ value, label: `${DECP_FLAG_LABELS[value]} (${n.toLocaleString('fr-FR')})` }))
    : [];
  const totals = page.data?.totals;

  return (
    <Stack gap="md">
      <Text c="dimmed">
        {withFrenchSpacing(
          'Un montant fictif, anormal ou ramené par avenant sous la moitié, et un marché publié sous un identifiant déjà pris, restent hors ' +
            'des estimations jusqu’à confirmation ; un marché non daté reste hors des calendriers ' +
            'jusqu’à ce qu’une date soit saisie.',
        )}
      </Text>
      <Group align="flex-end">
        <ReviewScopeControl
          value={scope}
          onChange={(next) => {
            setScope(next);
            setOffset(0);
          }}
          counts={totals === undefined ? null : { toReview: totals.pending, all: totals.all }}
        />
        <Select
          label="Signalement"
          placeholder="Tous les signalements"
          data={options}
          value={code}
          onChange={(value) => {
            setCode(value);
            setOffset(0);
          }}
          clearable
          w={320}
          maw="100%"
        />
        <ReviewSearchInput
          value={query}
          onChange={(text) => {
            setQuery(text);
            setOffset(0);
          }}
          placeholder="Acheteur, objet ou référence"
        />
        {page.data && (
          <Text size="sm" c="dimmed">
            {countFr(page.data.total, 'marché')}
          </Text>
        )}
      </Group>
      <PagedCards
        page={page}
        empty={withFrenchSpacing(
          q !== ''
            ? `Aucun marché ${scope === 'toReview' ? 'à vérifier' : 'signalé'} ne correspond à « ${q} ».`
            : scope === 'toReview' && totals !== undefined && totals.all > 0
              ? 'Rien à vérifier : chaque signalement est confirmé ou corrigé.'
              : 'Aucun marché signalé.',
        )}
        offset={offset}
        pageSize={PAGE}
        onOffset={setOffset}
      >
        {(item) => <FlaggedContractCard key={item.contract.id} item={item} canEdit={canEdit} onChange={page.reload} />}
      </PagedCards>
    </Stack>
  );
}

function FlaggedContractCard({ item, canEdit, onChange }: { item: FlaggedContractDto; canEdit: boolean; onChange: () => void }) {
  const { contract } = item;
  const { failure, run } = useCardAction(onChange);
  // Said aloud: in « À vérifier », a contract with nothing left to look at leaves the list at once.
  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      await action();
      notifications.show({ color: 'teal', message: withFrenchSpacing(`« ${contract.label} » : ${done}.`) });
    });
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <div>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {withFrenchSpacing(item.organizationName)}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {contract.label} · réf. {contract.reference} · CPV {contract.cpvCode || '—'}
            </Text>
          </div>
          <Group gap="xs">
            <Text size="sm">{contract.pricesHidden ? 'Montant masqué' : formatEuros(contract.amountCents)}</Text>
            {!item.isInEstimates && <Badge color="gray">Hors estimations</Badge>}
            {!item.isInCalendars && <Badge color="gray">Hors calendriers</Badge>}
          </Group>
        </Group>
        {item.flags.map((flag) => (
          <Stack key={flag.code} gap={4} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-gray-3)' }}>
            <Group gap="xs">
              <Badge variant="light">{flag.label}</Badge>
              <Badge color={STATUS[flag.status].color} variant="outline">
                {STATUS[flag.status].label}
              </Badge>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {withFrenchSpacing(flag.explanation)}
            </Text>
            {canEdit && flag.status === 'pending' && (
              <Group gap="xs" align="flex-end">
                {flag.isConfirmable && (
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() =>
                      act(() => api.post(`/contracts/${contract.id}/decp-flags/confirm`, { codes: [flag.code] }), 'signalement confirmé')
                    }
                  >
                    {CONFIRM_LABELS[flag.code] ?? 'Confirmer la valeur publiée'}
                  </Button>
                )}
                {flag.field !== null && (
                  <Correction
                    field={flag.field}
                    onSave={(patch) => act(() => api.patch(`/contracts/${contract.id}`, patch), 'correction enregistrée')}
                  />
                )}
              </Group>
            )}
          </Stack>
        ))}
        {failure && <Alert color="red">{failure}</Alert>}
      </Stack>
    </Paper>
  );
}

/** What confirming says, where « the published value » would not (no value, or a value an amendment set). */
const CONFIRM_LABELS: Partial<Record<DecpFlagView['code'], string>> = {
  id_shared: 'Confirmer : c’est un autre marché',
  amendment_amount_low: 'Confirmer le montant après avenant',
};

function Correction({ field, onSave }: { field: NonNullable<DecpFlagView['field']>; onSave: (patch: Record<string, unknown>) => void }) {
  const [text, setText] = useState('');
  const [count, setCount] = useState<number | null>(null);
  const save = (patch: Record<string, unknown>, isReady: boolean, label = 'Corriger') => (
    <Button size="xs" disabled={!isReady} onClick={() => onSave(patch)}>
      {label}
    </Button>
  );
  const number = (label: string, limits: { min: number; max?: number; allowDecimal?: boolean }) => (
    <NumberInput
      size="xs"
      label={label}
      value={count ?? ''}
      onChange={(v) => setCount(typeof v === 'number' ? v : null)}
      w={180}
      {...limits}
    />
  );
  switch (field) {
    case 'amountCents':
      return (
        <>
          {number('Montant HT (€)', { min: 0 })}
          {save({ amountCents: eurosToCents(count) }, count !== null)}
        </>
      );
    case 'startDate':
      return (
        <>
          <FrenchDateInput label="Date de notification" value={text} onChange={setText} w={180} />
          {save({ startDate: text, notificationDate: text }, text !== '', 'Dater')}
        </>
      );
    case 'cpvCode':
      // The nomenclature searched by code or words (« fleurs », « 0312 »), as on the needs screens.
      return (
        <>
          <div style={{ width: 'min(100%, 300px)' }}>
            <CpvAutocomplete
              label="Code CPV 2008"
              isRequired={false}
              size="xs"
              value={text}
              onChange={setText}
              onPick={(entry) => setText(entry.code)}
            />
          </div>
          {save({ cpvCode: text }, /^\d{8}$/.test(text))}
        </>
      );
    case 'nature':
      return (
        <>
          <Select
            size="xs"
            label="Nature"
            placeholder="Choisir"
            data={[
              { value: 'marche', label: 'Marché' },
              { value: 'accord_cadre', label: 'Accord-cadre' },
            ]}
            value={text === '' ? null : text}
            onChange={(value) => setText(value ?? '')}
            w={180}
          />
          {save({ nature: text }, text !== '')}
        </>
      );
    case 'durationMonths':
      return (
        <>
          {number('Durée (mois)', { min: 1, max: 240, allowDecimal: false })}
          {save({ durationMonths: count }, count !== null && count > 0)}
        </>
      );
    case 'holderSiret':
      return (
        <>
          <TextInput size="xs" label="SIRET du titulaire" value={text} onChange={(e) => setText(e.currentTarget.value)} w={180} />
          {save({ holderSiret: text.replace(/\s/g, '') }, text.trim() !== '')}
        </>
      );
  }
}
