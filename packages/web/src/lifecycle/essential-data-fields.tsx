import { Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { AwardEssentialDataBody } from '@mutualis/contract';
import { FrenchDateInput } from '../dates/french-date-input';

/** The values the DECP 2024 schema allows (kept here: the bundle carries no core code). */
const CCAGS = [
  'Fournitures courantes et services',
  'Travaux',
  "Maitrise d'œuvre",
  'Marchés industriels',
  'Prestations intellectuelles',
  "Techniques de l'information et de la communication",
  'Pas de CCAG',
] as const;
const PRICE_TYPES = ['Définitif ferme', 'Définitif actualisable', 'Définitif révisable', 'Provisoire'] as const;
const GROUPINGS = ['Pas de groupement', 'Conjoint', 'Solidaire'] as const;
const SOCIAL = ['Clause sociale', 'Critère social', 'Marché réservé'] as const;
const ENVIRONMENTAL = ['Clause environnementale', 'Critère environnemental'] as const;

/** Form state of the essential data: the number of offers stays empty until typed (never guessed). */
export interface EssentialDataDraft extends Omit<AwardEssentialDataBody, 'offersReceived'> {
  offersReceived: number | string;
}

export function emptyEssentialData(notifiedOn: string): EssentialDataDraft {
  return {
    notifiedOn,
    offersReceived: '',
    priceTypes: ['Définitif révisable'],
    ccag: 'Fournitures courantes et services',
    subcontractingDeclared: false,
    advanceGranted: false,
    isInnovative: false,
    operatorGrouping: 'Pas de groupement',
    socialConsiderations: [],
    environmentalConsiderations: [],
  };
}

/** The body to send, or null while the number of offers is missing. */
export function essentialDataBody(draft: EssentialDataDraft): AwardEssentialDataBody | null {
  return typeof draft.offersReceived === 'number' ? { ...draft, offersReceived: draft.offersReceived } : null;
}

/** Fields of the DECP 2024 data of an awarded lot (arrêté du 22 décembre 2022). */
export function EssentialDataFields({ value, onChange }: { value: EssentialDataDraft; onChange: (next: EssentialDataDraft) => void }) {
  const set = <K extends keyof EssentialDataDraft>(key: K, v: EssentialDataDraft[K]) => onChange({ ...value, [key]: v });
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        Données essentielles à publier (DECP 2024) : sans elles, le lot ne peut pas être publié.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FrenchDateInput label="Date de notification" value={value.notifiedOn} onChange={(v) => set('notifiedOn', v)} />
        <NumberInput
          label="Nombre d’offres reçues"
          min={1}
          max={10_000}
          value={value.offersReceived}
          onChange={(v) => set('offersReceived', v)}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Select
          label="CCAG de référence"
          data={[...CCAGS]}
          value={value.ccag}
          allowDeselect={false}
          onChange={(v) => set('ccag', (v ?? value.ccag) as EssentialDataDraft['ccag'])}
        />
        <MultiSelect
          label="Types de prix"
          data={[...PRICE_TYPES]}
          value={value.priceTypes}
          onChange={(v) => set('priceTypes', v as EssentialDataDraft['priceTypes'])}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Select
          label="Groupement d’opérateurs titulaire"
          data={[...GROUPINGS]}
          value={value.operatorGrouping}
          allowDeselect={false}
          onChange={(v) => set('operatorGrouping', (v ?? value.operatorGrouping) as EssentialDataDraft['operatorGrouping'])}
        />
        <MultiSelect
          label="Considérations sociales"
          data={[...SOCIAL]}
          value={value.socialConsiderations}
          onChange={(v) => set('socialConsiderations', v as EssentialDataDraft['socialConsiderations'])}
        />
        <MultiSelect
          label="Considérations environnementales"
          data={[...ENVIRONMENTAL]}
          value={value.environmentalConsiderations}
          onChange={(v) => set('environmentalConsiderations', v as EssentialDataDraft['environmentalConsiderations'])}
        />
      </SimpleGrid>
      <Group>
        <Checkbox
          label="Avance attribuée"
          checked={value.advanceGranted}
          onChange={(e) => set('advanceGranted', e.currentTarget.checked)}
        />
        <Checkbox
          label="Sous-traitance déclarée"
          checked={value.subcontractingDeclared}
          onChange={(e) => set('subcontractingDeclared', e.currentTarget.checked)}
        />
        <Checkbox label="Marché innovant" checked={value.isInnovative} onChange={(e) => set('isInnovative', e.currentTarget.checked)} />
      </Group>
    </Stack>
  );
}
