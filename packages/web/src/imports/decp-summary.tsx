import { SimpleGrid, Stack, Text } from '@mantine/core';
import { countFr, type DecpImportResult, describeDecpCoverage, describeDecpFlagCounts, describeDecpTextRepairs } from '@mutualis/contract';
import { formatNumber } from '../format/number';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { RejectionsTable } from './rejections-table';

const COUNTS: { key: 'read' | 'imported' | 'updated' | 'unchanged' | 'duplicates' | 'rejected'; label: string }[] = [
  { key: 'read', label: 'Lus' },
  { key: 'imported', label: 'Importés' },
  { key: 'updated', label: 'Mis à jour' },
  { key: 'unchanged', label: 'Inchangés' },
  { key: 'duplicates', label: 'Doublons' },
  { key: 'rejected', label: 'Rejetés' },
];

/** What a DECP import did: counts, flags (linked to their review), proposed needs and the table of rejected records. */
export function DecpSummary({ result, slug }: { result: DecpImportResult; slug: string }) {
  const flagged = countFr(result.flagged, 'contrat signalé');
  const kinds = describeDecpFlagCounts(result.flaggedByCode);
  return (
    <Stack aria-live="polite">
      <SimpleGrid cols={{ base: 3, md: 6 }}>
        {COUNTS.map(({ key, label }) => (
          <div key={key}>
            <Text size="xs" c="dimmed" tt="uppercase">
              {label}
            </Text>
            <Text fw={700} size="xl">
              {formatNumber(result[key])}
            </Text>
          </div>
        ))}
      </SimpleGrid>
      <Text size="sm">
        {result.flagged === 0 ? (
          'Aucun contrat signalé. '
        ) : (
          <>
            {`${flagged}${kinds === '' ? '' : ` (${kinds})`}, ${result.flagged < 2 ? 'listé' : 'listés'} dans `}
            <AppLink to={paths.decpFlags(slug)}>DECP à vérifier</AppLink>
            {'. '}
          </>
        )}
        {`${countFr(result.amountAnomalies, 'montant anormal')} parmi les contrats DECP de tous les territoires (hors des estimations jusqu’à confirmation). ${countFr(result.outside, 'marché d’acheteur hors du territoire laissé', 'marchés d’acheteurs hors du territoire laissés')} de côté. Besoins proposés aux acheteurs : ${countFr(result.proposedNeeds.created, 'créé')}, ${countFr(result.proposedNeeds.updated, 'mis à jour', 'mis à jour')}. Chaque acheteur les confirme ou les rejette dans son recensement.`}
      </Text>
      {describeDecpTextRepairs(result.repairedTexts) !== '' && <Text size="sm">{describeDecpTextRepairs(result.repairedTexts)}</Text>}
      <Text size="sm" c="dimmed">
        {describeDecpCoverage()}
      </Text>
      <RejectionsTable of={result} />
    </Stack>
  );
}
