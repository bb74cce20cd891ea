import {
  Accordion,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import type { LifecycleView, OrganizationDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { FrenchDateInput } from '../dates/french-date-input';
import { eurosToCents } from '../format/money';
import { type AwardErrors, type AwardField, checkAwardDraft, placeAwardIssues } from './award-form-check';
import { EssentialDataFields, type EssentialDataDraft, emptyEssentialData, essentialDataBody } from './essential-data-fields';
import { KnownFirmPicker } from './known-firm-picker';
import { frenchDate, perUnit, todayIso } from './lifecycle-labels';

interface AwardModalProps {
  view: LifecycleView;
  opened: boolean;
  isBusy: boolean;
  onClose: () => void;
  /** Sends the award; a refusal goes to `onRefused`, which shows it next to the fields. */
  onSubmit: (body: unknown, onRefused: (error: unknown) => void) => Promise<boolean>;
}

/**
 * Award of one lot: holder (picked among the territory's known firms or typed), price (unit or
 * yearly amount), dates (the schedule's planned award and start by default). Errors show next to
 * their fields, in French, before and after the server checks them.
 */
export function AwardModal({ view, opened, isBusy, onClose, onSubmit }: AwardModalProps) {
  const [lotLabel, setLotLabel] = useState('Lot unique');
  const [holderSiret, setHolderSiret] = useState('');
  const [holderName, setHolderName] = useState('');
  const [priceKind, setPriceKind] = useState<'unit' | 'amount'>(view.launch?.quantityUnit ? 'unit' : 'amount');
  const [price, setPrice] = useState<number | string>('');
  const [isSme, setIsSme] = useState(false);
  const [departement, setDepartement] = useState('');
  // An award is recorded once made, so it cannot be dated after today: the planned date while it has passed, else today.
  const [awardedOn, setAwardedOn] = useState(earlierOf(view.launch?.plannedAwardOn ?? null, todayIso()));
  const [startOn, setStartOn] = useState(view.launch?.plannedStartOn ?? todayIso());
  const [errors, setErrors] = useState<AwardErrors>({});
  const [refusal, setRefusal] = useState<string[]>([]);
  const [durationMonths, setDurationMonths] = useState<number | string>(12);
  const [essentials, setEssentials] = useState<EssentialDataDraft>(emptyEssentialData(todayIso()));
  const essentialData = essentialDataBody(essentials);
  const cents = eurosToCents(typeof price === 'number' ? price : null);
  /** Sets a field and forgets its error. */
  const edit =
    <T,>(field: AwardField, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setErrors(({ [field]: _dropped, ...rest }) => rest);
    };
  const pickFirm = (firm: OrganizationDto | null) => {
    if (!firm) return;
    setHolderSiret(firm.siret);
    setHolderName(firm.name);
    setDepartement(firm.departementCode);
    setIsSme(firm.kind === 'sme');
    setErrors(({ holderSiret: _s, holderName: _n, holderDepartementCode: _d, ...rest }) => rest);
  };
  const refused = (error: unknown) => {
    if (!isApiError(error)) {
      setRefusal(['Le serveur est injoignable : réessayez.']);
      return;
    }
    const placed = placeAwardIssues(error.issues);
    setErrors(placed.fields);
    setRefusal(error.issues.length === 0 ? [error.message] : placed.other);
  };
  const submit = async () => {
    const draft = {
      lotLabel,
      holderSiret,
      holderName,
      holderDepartementCode: departement,
      priceKind,
      price,
      awardedOn,
      startOn,
      durationMonths,
    };
    const found = checkAwardDraft(draft);
    setErrors(found);
    setRefusal([]);
    if (Object.keys(found).length > 0) return;
    const ok = await onSubmit(
      {
        lots: [
          {
            lotLabel,
            holderSiret: holderSiret.replace(/\s/g, ''),
            holderName,
            ...(priceKind === 'unit' ? { unitPriceCents: cents ?? 0 } : { amountCents: cents ?? 0 }),
            ...(departement ? { holderDepartementCode: departement.trim().toUpperCase() } : {}),
            holderIsSme: isSme,
            awardedOn,
            startOn,
            durationMonths: Number(durationMonths),
            // Sent once the number of offers is typed; otherwise completed later on the awarded lot.
            ...(essentialData ? { essentialData } : {}),
          },
        ],
      },
      refused,
    );
    if (ok) onClose();
  };
  const planned = view.launch?.plannedAwardOn
    ? `Dates prévues au calendrier : attribution le ${frenchDate(view.launch.plannedAwardOn)}, début le ${frenchDate(view.launch.plannedStartOn)}.`
    : undefined;
  return (
    <Modal opened={opened} onClose={onClose} title="Attribuer un lot" size="lg">
      <Stack>
        <TextInput
          label="Lot"
          required
          value={lotLabel}
          error={errors.lotLabel}
          onChange={(e) => edit('lotLabel', setLotLabel)(e.currentTarget.value)}
        />
        <KnownFirmPicker territorySlug={view.territorySlug} onPick={pickFirm} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="SIRET du titulaire"
            required
            inputMode="numeric"
            value={holderSiret}
            error={errors.holderSiret}
            onChange={(e) => edit('holderSiret', setHolderSiret)(e.currentTarget.value)}
          />
          <TextInput
            label="Raison sociale du titulaire"
            required
            value={holderName}
            error={errors.holderName}
            onChange={(e) => edit('holderName', setHolderName)(e.currentTarget.value)}
          />
          <TextInput
            label="Département du titulaire (s’il n’est pas connu de Mutualis)"
            placeholder="ex. 16"
            value={departement}
            error={errors.holderDepartementCode}
            onChange={(e) => edit('holderDepartementCode', setDepartement)(e.currentTarget.value)}
          />
          <Checkbox
            mt={{ base: 0, sm: 'lg' }}
            label="Le titulaire est une PME"
            checked={isSme}
            onChange={(e) => setIsSme(e.currentTarget.checked)}
          />
        </SimpleGrid>
        <SegmentedControl
          value={priceKind}
          onChange={(v) => {
            setPriceKind(v === 'unit' ? 'unit' : 'amount');
            setErrors(({ price: _p, ...rest }) => rest);
          }}
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
          required
          decimalSeparator=","
          thousandSeparator=" "
          decimalScale={2}
          min={0}
          value={price}
          error={errors.price}
          onChange={edit('price', setPrice)}
        />
        {planned && (
          <Text size="sm" c="dimmed">
            {planned}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FrenchDateInput
            label="Date d’attribution"
            value={awardedOn}
            error={errors.awardedOn}
            onChange={edit('awardedOn', setAwardedOn)}
          />
          <FrenchDateInput label="Début du marché" value={startOn} error={errors.startOn} onChange={edit('startOn', setStartOn)} />
          <NumberInput
            label="Durée (mois)"
            min={1}
            max={120}
            value={durationMonths}
            error={errors.durationMonths}
            onChange={edit('durationMonths', setDurationMonths)}
          />
        </SimpleGrid>
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
        {(refusal.length > 0 || Object.keys(errors).length > 0) && (
          <Alert color="red" title="Attribution non enregistrée" role="alert">
            {refusal.length > 0 ? refusal.join(' ') : 'Corrigez les champs signalés.'}
          </Alert>
        )}
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

/** The earlier of a planned ISO date (or none) and today's. */
function earlierOf(planned: string | null, today: string): string {
  return planned !== null && planned < today ? planned : today;
}
