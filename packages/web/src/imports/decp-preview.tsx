import { Alert, Badge, Button, Checkbox, Group, MultiSelect, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  countFr,
  type DecpFlagCounts,
  type DecpImportPreview,
  type DecpImportScope,
  type DecpPreviewBuyer,
  describeDecpFlagCounts,
} from '@mutualis/contract';
import { useState } from 'react';
import { formatNumber } from '../format/number';
import { DEPARTEMENT_NAMES, departementLabel } from '../reference/departements';
import { RejectionsTable } from './rejections-table';
import { summarizeDepartements } from './summarize-departements';

const DEPARTEMENT_OPTIONS = Object.keys(DEPARTEMENT_NAMES).map((code) => ({ value: code, label: departementLabel(code) }));

interface DecpPreviewProps {
  preview: DecpImportPreview;
  isBusy: boolean;
  onPreview: (scope: DecpImportScope) => void;
  onConfirm: () => void;
  onAbandon: () => void;
}

function Figure({ label, value }: { label: string; value: number }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {formatNumber(value)}
      </Text>
    </div>
  );
}

/** Beyond this many, the chosen départements are summed up until the facilitator asks to change them. */
const LISTED_DEPARTEMENTS = 8;

/**
 * The départements of the scope. A territory as wide as a région or the country would show a
 * hundred chips: past `LISTED_DEPARTEMENTS` they are summed up, with a button to change them.
 */
function DepartementsField({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const [isEditing, setIsEditing] = useState(value.length <= LISTED_DEPARTEMENTS);
  const label = 'Départements du territoire';
  const description = 'Les acheteurs membres du territoire sont toujours pris ; les autres, s’ils sont situés dans ces départements.';
  if (!isEditing) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {description}
        </Text>
        <Group gap="sm">
          <Text size="sm">{summarizeDepartements(value)}</Text>
          <Button size="xs" variant="default" onClick={() => setIsEditing(true)}>
            Modifier les départements
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <MultiSelect
      label={label}
      description={description}
      data={DEPARTEMENT_OPTIONS}
      value={value}
      onChange={onChange}
      searchable
      clearable
      maw={640}
    />
  );
}

/**
 * What an import of DECP files would do in the territory, before anything is stored: the scope
 * (its members and the buyers of the chosen départements, others left out unless asked), the
 * buyers inside and outside, contracts and proposed needs. A changed scope is previewed again
 * before it can be confirmed.
 */
export function DecpPreview({ preview, isBusy, onPreview, onConfirm, onAbandon }: DecpPreviewProps) {
  const [departements, setDepartements] = useState(preview.scope.departements);
  const [includeOutside, setIncludeOutside] = useState(preview.scope.includeOutside);
  const isScopeChanged =
    includeOutside !== preview.scope.includeOutside || [...departements].sort().join() !== [...preview.scope.departements].sort().join();
  const { contracts, buyers, needs } = preview;
  return (
    <Stack aria-label="Aperçu de l’import">
      <Title order={3} size="h4">
        Aperçu : rien n’est encore enregistré
      </Title>
      <Stack gap="xs">
        <DepartementsField value={departements} onChange={setDepartements} />
        <Checkbox
          label={`Importer aussi ${outsideBuyers(buyers.outside.count)} hors du territoire`}
          checked={includeOutside}
          onChange={(event) => setIncludeOutside(event.currentTarget.checked)}
        />
      </Stack>
      <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
        <Figure label="Lus" value={preview.read} />
        <Figure label="Contrats nouveaux" value={contracts.new} />
        <Figure label="Mis à jour" value={contracts.updated} />
        <Figure label="Inchangés" value={contracts.unchanged} />
        <Figure label="Doublons" value={preview.duplicates} />
        <Figure label="Rejetés" value={preview.rejected} />
      </SimpleGrid>
      <Text size="sm">{`${flaggedSentence(contracts.flagged, contracts.flaggedByCode)} Besoins proposés aux acheteurs, avant l’examen des montants anormaux : ${countFr(needs.new, 'nouveau')}, ${countFr(needs.existing, 'déjà proposé (mis à jour)', 'déjà proposés (mis à jour)')}.`}</Text>
      <Title order={4} size="h5">
        {insideHeading(buyers.inside)}
      </Title>
      <BuyersTable label="Acheteurs du territoire" buyers={buyers.inside.list} />
      <Title order={4} size="h5">
        {`Acheteurs hors du territoire : ${formatNumber(buyers.outside.count)} (${countFr(buyers.outside.records, 'marché')}), ${includeOutside ? 'importés aussi' : 'non importés'}`}
      </Title>
      {buyers.outside.byDepartement.length > 0 && (
        <Text size="sm">
          {buyers.outside.byDepartement
            .slice(0, 12)
            .map((d) => `${d.code === '' ? 'lieu inconnu' : departementLabel(d.code)} : ${formatNumber(d.buyers)}`)
            .join(' · ')}
        </Text>
      )}
      <BuyersTable label="Acheteurs hors du territoire" buyers={buyers.outside.list} />
      <RejectionsTable of={preview} />
      {isScopeChanged && (
        <Alert color="blue" title="Périmètre modifié">
          Recalculez l’aperçu avant de confirmer l’import.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAbandon} disabled={isBusy}>
          Abandonner
        </Button>
        {isScopeChanged ? (
          <Button onClick={() => onPreview({ departements, includeOutside })} loading={isBusy}>
            Recalculer l’aperçu
          </Button>
        ) : (
          <Button onClick={onConfirm} loading={isBusy} disabled={contracts.new + contracts.updated === 0 && needs.new === 0}>
            Confirmer l’import
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** Whom the checkbox would add: none are left outside once it is previewed checked. */
function outsideBuyers(count: number): string {
  if (count === 0) return 'les acheteurs';
  return count === 1 ? 'l’acheteur' : `les ${formatNumber(count)} acheteurs`;
}

/** « Acheteurs du territoire : 391 (2 membres, 5 situés dans ses départements, 384 d’autres départements, 391 nouveaux) ». */
function insideHeading(inside: DecpImportPreview['buyers']['inside']): string {
  // Buyers of other départements are inside only when the facilitator asked to import them too.
  const elsewhere = inside.count - inside.members - inside.located;
  const parts = [
    countFr(inside.members, 'membre'),
    `${countFr(inside.located, 'situé')} dans ses départements`,
    ...(elsewhere > 0 ? [`${formatNumber(elsewhere)} d’autres départements ou de lieu inconnu`] : []),
    countFr(inside.new, 'nouveau'),
  ];
  return `Acheteurs du territoire : ${formatNumber(inside.count)} (${parts.join(', ')})`;
}

/** « Dont 3 contrats signalés (non daté : 2, …), importés puis listés dans « DECP à vérifier ». » */
function flaggedSentence(flagged: number, byCode: DecpFlagCounts | undefined): string {
  if (flagged === 0) return 'Aucun contrat signalé.';
  const kinds = describeDecpFlagCounts(byCode);
  const then = flagged < 2 ? 'importé comme les autres puis listé' : 'importés comme les autres puis listés';
  return `Dont ${countFr(flagged, 'contrat signalé')}${kinds === '' ? '' : ` (${kinds})`}, ${then} dans « DECP à vérifier ».`;
}

function BuyersTable({ label, buyers }: { label: string; buyers: readonly DecpPreviewBuyer[] }) {
  if (buyers.length === 0) return null;
  return (
    <Table.ScrollContainer minWidth={640} mah={300}>
      <Table striped withTableBorder stickyHeader aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Acheteur</Table.Th>
            <Table.Th>SIRET</Table.Th>
            <Table.Th>Département</Table.Th>
            <Table.Th ta="right">Marchés</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {buyers.map((b) => (
            <Table.Tr key={b.siret}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{b.name}</Text>
                  {b.isMember && <Badge variant="light">membre</Badge>}
                  {b.isNew && (
                    <Badge variant="light" color="gray">
                      nouveau
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{b.siret}</Table.Td>
              <Table.Td>{b.departementCode === '' ? 'inconnu' : departementLabel(b.departementCode)}</Table.Td>
              <Table.Td ta="right">{formatNumber(b.records)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
