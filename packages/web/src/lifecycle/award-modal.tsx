import { Accordion, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { eurosToCents } from '../format/money';
import { perUnit, todayIso } from './lifecycle-labels';
import { FrenchDateInput } from '../dates/french-date-input';
import { EssentialDataFields, type EssentialDataDraft, emptyEssentialData, essentialDataBody } from './essential-data-fields';

interface AwardModalProps {
  view: LifecycleView;
  opened: boolean;
  isBusy: boolean;
  onClose: () => void;
  onSubmit: (body: unknown) => Promise<boolean>;
}

/** Award of one lot: holder, price (unit or yearly amount), dates. */
export function AwardModal({ view, opened, isBusy, onClose, onSubmit }: AwardModalProps) {
  const [lotLabel, setLotLabel] = useState('Lot unique');
  const [holderSiret, setHolderSiret] = useState('');
  const [holderName, setHolderName] = useState('');
  const [priceKind, setPriceKind] = useState<'unit' | 'amount'>(view.launch?.quantityUnit ? 'unit' : 'amount');
  const [price, setPrice] = useState<number | string>('');
  const [isSme, setIsSme] = useState(false);
  const [departement, setDepartement] = useState('');
  const [awardedOn, setAwardedOn] = useState(todayIso());
  const [startOn, setStartOn] = useState(todayIso());
  const [durationMonths, setDurationMonths] = useState<number | string>(12);
  const [essentials, setEssentials] = useState<EssentialDataDraft>(emptyEssentialData(todayIso()));
  const essentialData = essentialDataBody(essentials);
  const cents = eurosToCents(typeof price === 'number' ? price : null);
  const submit = async () => {
    const ok = await onSubmit({
      lots: [
        {
          lotLabel,
          holderSiret: holderSiret.replace(/\s/g, ''),
          holderName,
          ...(priceKind === 'unit' ? { unitPriceCents: cents ?? -1 } : { amountCents: cents ?? -1 }),
          ...(departement ? { holderDepartementCode: departement } : {}),
          holderIsSme: isSme,
          awardedOn,
          startOn,
          durationMonths: Number(durationMonths),
          // Sent once the number of offers is typed; otherwise completed later on the awarded lot.
          ...(essentialData ? { essentialData } : {}),
        },
      ],
    });
    if (ok) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Attribuer un lot" size="lg">
      <Stack>
        <TextInput label="Lot" value={lotLabel} onChange={(e) => setLotLabel(e.currentTarget.value)} />
        <Group grow>
          <TextInput label="SIRET du titulaire" value={holderSiret} onChange={(e) => setHolderSiret(e.currentTarget.value)} />
          <TextInput label="Raison sociale du titulaire" value={holderName} onChange={(e) => setHolderName(e.currentTarget.value)} />
        </Group>
        <Group grow>
          <TextInput
            label="Département du titulaire (s’il n’est pas connu de Mutualis)"
            placeholder="ex. 16"
            value={departement}
            onChange={(e) => setDepartement(e.currentTarget.value)}
          />
          <Checkbox mt="lg" label="Le titulaire est une PME" checked={isSme} onChange={(e) => setIsSme(e.currentTarget.checked)} />
        </Group>
        <SegmentedControl
          value={priceKind}
          onChange={(v) => setPriceKind(v === 'unit' ? 'unit' : 'amount')}
          data={[
            { value: 'unit', label: 'Prix unitaire' },
            { value: 'amount', label: 'Montant annuel' },
          ]}
        />
        <NumberInput
          label={
            priceKind === 'unit'
              ? `Prix unitaire attribué (${perUnit(view.launch?.quantityUnit ?? null)})`
              : 'Montant annuel attribué (€ HT)'
          }
          decimalSeparator=","
          thousandSeparator=" "
          decimalScale={2}
          min={0}
          value={price}
          onChange={setPrice}
        />
        <Group grow>
          <FrenchDateInput label="Date d’attribution" value={awardedOn} onChange={setAwardedOn} />
          <FrenchDateInput label="Début du marché" value={startOn} onChange={setStartOn} />
          <NumberInput label="Durée (mois)" min={1} max={120} value={durationMonths} onChange={setDurationMonths} />
        </Group>
        <Accordion variant="contained">
          <Accordion.Item value="decp">
            <Accordion.Control>Données essentielles (DECP 2024) — à compléter ici ou plus tard</Accordion.Control>
            <Accordion.Panel>
              <EssentialDataFields value={essentials} onChange={setEssentials} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
        <Text size="xs" c="dimmed">
          {view.mandateScope === 'procedure'
            ? 'Mandat limité à la procédure : chaque membre signera son propre marché pour ses besoins.'
            : 'Le coordonnateur signe un marché unique pour le compte de tous les membres.'}
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={isBusy} onClick={submit}>
            Enregistrer l’attribution
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
