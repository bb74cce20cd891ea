import { countFr } from '@mutualis/contract';
import { Alert, Button, Center, Group, Loader, NumberInput, Paper, SimpleGrid, Slider, Stack, Text, Title } from '@mantine/core';
import type { LotDesignDto } from '@mutualis/contract';
import { useMemo, useState } from 'react';
import { useApi } from '../api/use-api';
import { useSession } from '../auth/session-context';
import { formatWholeEuros } from '../format/money';
import { MapLegend } from '../map/map-legend';
import { type MapMarker, TerritoryMap } from '../map/territory-map';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { FrontierChart } from './frontier-chart';
import { departementOfCommune, lotColor } from './lot-colors';
import { AwardPanel, SecurityWeightSlider } from './award-panel';
import { LotsTable } from './lots-table';
import { PublishForecastModal } from './publish-forecast-modal';
import { usePageTitle } from '../shell/use-page-title';

/** The allotissement designer: the savings / local-access frontier, the lots of a chosen point, their map and legal texts. */
export default function LotsPage({ slug, id }: { slug: string; id: string }) {
  const { session } = useSession();
  const [k, setK] = useState(2);
  const [maxLots, setMaxLots] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [securityWeight, setSecurityWeight] = useState(0);
  const base = `/territories/${encodeURIComponent(slug)}/opportunities/${encodeURIComponent(id)}`;
  const query = { k, maxLotsPerBidder: maxLots ?? undefined, securityWeight };
  const { data, error, isLoading } = useApi<LotDesignDto>(`${base}/lots`, query);
  usePageTitle(data ? `Allotissement : ${data.opportunity.label}` : null);
  const design = data?.design.ok ? data.design : null;
  const structure = design
    ? (design.frontier.find((s) => s.id === chosen) ?? design.frontier.find((s) => s.id === design.recommendedId))
    : undefined;
  const markers = useMemo<MapMarker[]>(() => {
    if (!design || !structure) return [];
    return design.sites.map((site) => {
      const index = structure.lots.findIndex((l) => l.siteCodes.includes(site.code));
      const lot = structure.lots[index];
      return {
        id: site.code,
        position: site.position,
        kind: 'site',
        color: lotColor(Math.max(0, index)),
        radius: 11,
        tooltip: `${site.name} — ${lot ? `${lot.label} : ${countFr(lot.eligibleFirms.length, 'entreprise locale éligible')}` : 'hors lot'}`,
      };
    });
  }, [design, structure]);
  const isFacilitator = session.roles.some((r) => r.territorySlug === slug && r.role === 'facilitator');

  if (error)
    return (
      <Alert color="red" title="Concepteur de lots indisponible">
        {error.message}
      </Alert>
    );
  if (!data)
    return (
      <Center py="xl">
        <Loader aria-label="Calcul des lots" />
      </Center>
    );
  return (
    <Stack gap="md" maw={1500} mx="auto">
      <AppLink to={paths.opportunity(slug, id)} size="sm">
        ← Retour à l’opportunité
      </AppLink>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>Allotissement : {data.opportunity.label}</Title>
          <Text c="dimmed">
            {data.opportunity.buyerCount} acheteurs. Un lot est « accessible » quand au moins {k} entreprise{k > 1 ? 's' : ''} locale
            {k > 1 ? 's' : ''} peu
            {k > 1 ? 'vent' : 't'} y répondre seule{k > 1 ? 's' : ''} (produit, rayon de livraison, capacité).
          </Text>
        </div>
        <AppLink to={paths.sourcing(slug, id)}>Voir la filière locale →</AppLink>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Group align="flex-end" gap="xl" wrap="wrap">
          <div style={{ width: 400 }}>
            <Text size="sm" fw={500} mb={4} id="k-label">
              Entreprises locales éligibles exigées par lot : {k}
            </Text>
            <Slider
              min={1}
              max={5}
              step={1}
              value={k}
              onChange={setK}
              marks={[1, 2, 3, 4, 5].map((v) => ({ value: v, label: String(v) }))}
              aria-labelledby="k-label"
              thumbLabel="Nombre minimal d’entreprises locales par lot"
            />
          </div>
          <NumberInput
            label="Lots maximum par attributaire (R2113-1)"
            placeholder="Sans limite"
            min={1}
            max={50}
            value={maxLots ?? ''}
            onChange={(v) => setMaxLots(typeof v === 'number' ? v : null)}
            w={340}
          />
          <SecurityWeightSlider value={securityWeight} onChange={setSecurityWeight} />
          {isLoading && <Loader size="sm" aria-label="Recalcul" />}
        </Group>
      </Paper>
      {!design && data.design.ok === false && <Alert color="orange">{data.design.reason}</Alert>}
      {design && structure && (
        <>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h3">
                Économies ou accès des entreprises locales
              </Title>
              <FrontierChart frontier={design.frontier} recommendedId={design.recommendedId} chosenId={structure.id} onChoose={setChosen} />
            </Paper>
            <Paper withBorder p="md" radius="md">
              <Title order={2} size="h3" mb="xs">
                Lots affichés sur la carte
              </Title>
              <TerritoryMap
                departementCodes={[...new Set(design.sites.map((s) => departementOfCommune(s.code)))]}
                markers={markers}
                height={300}
                spreadDegrees={0.12}
                label="Lieux de livraison colorés par lot"
              />
              <MapLegend items={structure.lots.map((l, i) => ({ color: lotColor(i), label: l.label, outlined: true }))} />
              <Text size="xs" c="dimmed" mt={4}>
                {design.positionNote}
              </Text>
            </Paper>
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h3">
                {structure.id === design.recommendedId ? 'Découpage recommandé' : 'Découpage choisi'} : {structure.lots.length} lot
                {structure.lots.length > 1 ? 's' : ''}, {formatWholeEuros(structure.savingsCents)} d’économies estimées par an,{' '}
                {Math.round(structure.accessibleShare * 100)} % du volume accessible
              </Title>
              {isFacilitator && <Button onClick={() => setPublishing(true)}>Publier la prévision</Button>}
            </Group>
            <Text size="sm" mb="xs" data-testid="lots-savings">
              {`Estimation de l’opportunité : ${formatWholeEuros(design.opportunitySavings.central)} par an (comme sur sa page). `}
              {structure.savingsExplanation}
            </Text>
            <LotsTable lots={structure.lots} k={k} />
          </Paper>
          <AwardPanel design={design} lots={structure.lots} docxPath={`${base}/consultation.docx`} query={query} />
          {structure.justification && (
            <Alert color="orange" variant="light" title="Lot unique : justification à produire (article L2113-11)">
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {structure.justification.text}
              </Text>
            </Alert>
          )}
          <Alert color="gray" variant="light" title="Clause de la consultation (article R2113-1)">
            <Text size="sm">{design.maxLotsClause}</Text>
            {design.awardFeasibility.maxLotsPerBidder !== null && (
              <Text size="sm" mt={4}>
                Avec ce plafond, {countFr(design.awardFeasibility.lotsAwardableLocally, 'lot')} sur {design.awardFeasibility.lotCount}{' '}
                {design.awardFeasibility.lotsAwardableLocally > 1 ? 'peuvent' : 'peut'}
                revenir à des entreprises locales distinctes.
              </Text>
            )}
          </Alert>
          <PublishForecastModal
            slug={slug}
            opportunityId={id}
            structureId={structure.id}
            k={k}
            maxLotsPerBidder={maxLots}
            defaultTitle={data.opportunity.label}
            lotCount={structure.lots.length}
            opened={publishing}
            onClose={() => setPublishing(false)}
          />
        </>
      )}
    </Stack>
  );
}
