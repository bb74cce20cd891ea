import { Button, Group, Modal, NumberInput, Select, Stack } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import 'dayjs/locale/fr';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { eurosToCents } from '../format/money';
import { unitLabel } from './lifecycle-labels';

interface ConsumptionModalProps {
  view: LifecycleView;
  opened: boolean;
  isBusy: boolean;
  onClose: () => void;
  onSubmit: (body: unknown) => Promise<boolean>;
}

/** One month of consumption of one member on one lot (quantity and amount paid). */
export function ConsumptionModal({ view, opened, isBusy, onClose, onSubmit }: ConsumptionModalProps) {
  const members = view.members.filter((m) => view.can.enterConsumptionFor.includes(m.organizationId) && m.isFrozen);
  const [organizationId, setOrganizationId] = useState<string | null>(members[0]?.organizationId ?? null);
  const [lotKey, setLotKey] = useState<string | null>(view.awards[0]?.lotKey ?? null);
  const [period, setPeriod] = useState(view.awards[0]?.startOn.slice(0, 7) ?? '');
  const [quantity, setQuantity] = useState<number | string>('');
  const [amount, setAmount] = useState<number | string>('');
  const unit = unitLabel(view.launch?.quantityUnit ?? null);
  const submit = async () => {
    const ok = await onSubmit({
      entries: [
        {
          lotKey: lotKey ?? '',
          organizationId: organizationId ?? '',
          period,
          quantity: typeof quantity === 'number' ? quantity : null,
          amountCents: eurosToCents(typeof amount === 'number' ? amount : null) ?? -1,
        },
      ],
    });
    if (ok) onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Saisir une consommation" size="lg">
      <Stack>
        <Group grow>
          <Select
            label="Membre"
            data={members.map((m) => ({ value: m.organizationId, label: m.name }))}
            value={organizationId}
            onChange={setOrganizationId}
            allowDeselect={false}
          />
          <Select
            label="Lot"
            data={view.awards.map((a) => ({ value: a.lotKey, label: a.lotLabel }))}
            value={lotKey}
            onChange={setLotKey}
            allowDeselect={false}
          />
        </Group>
        <Group grow>
          <MonthPickerInput
            label="Mois"
            locale="fr"
            valueFormat="MMMM YYYY"
            value={period ? `${period}-01` : null}
            onChange={(value) => setPeriod(value ? value.slice(0, 7) : '')}
          />
          <NumberInput label={`Quantité livrée (${unit})`} decimalSeparator="," min={0} value={quantity} onChange={setQuantity} />
          <NumberInput
            label="Montant payé (€ HT)"
            decimalSeparator=","
            thousandSeparator=" "
            decimalScale={2}
            min={0}
            value={amount}
            onChange={setAmount}
          />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Annuler
          </Button>
          <Button loading={isBusy} onClick={submit}>
            Enregistrer la consommation
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
