import { Button, Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InterestBody, InterestListDto, PublicConsultationDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';

/** « Déclarer mon intérêt » : a supplier states, per lot, the annual capacity its firm could deliver. */
export function InterestForm({ consultation }: { consultation: PublicConsultationDto }) {
  const mine = useApi<InterestListDto>(`/forecast/${encodeURIComponent(consultation.id)}/interests`);
  const [lotId, setLotId] = useState<string | null>(consultation.lots[0]?.id ?? null);
  const [capacity, setCapacity] = useState<number | ''>('');
  const [comment, setComment] = useState('');
  const lot = consultation.lots.find((l) => l.id === lotId);
  const submit = async () => {
    if (!lotId || capacity === '') return;
    const body: InterestBody = { lotId, capacity, unit: lot?.unit ?? undefined, comment };
    try {
      await api.post(`/forecast/${encodeURIComponent(consultation.id)}/interests`, body);
      notifications.show({ color: 'teal', message: 'Intérêt enregistré. Le territoire en est informé.' });
      mine.reload();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Déclaration impossible', message: isApiError(error) ? error.message : 'Réessayez.' });
    }
  };
  return (
    <div>
      <Text fw={700} mb={4}>
        Déclarer mon intérêt
      </Text>
      <Group align="flex-end">
        <Select
          label="Lot"
          data={consultation.lots.map((l) => ({ value: l.id, label: l.label }))}
          value={lotId}
          onChange={setLotId}
          w={320}
        />
        <NumberInput
          label={`Capacité annuelle${lot?.unit ? ` (${unitName(lot.unit, 2)})` : ''}`}
          min={0}
          thousandSeparator=" "
          value={capacity}
          onChange={(v) => setCapacity(typeof v === 'number' ? v : '')}
          w={220}
        />
        <TextInput label="Commentaire (facultatif)" value={comment} onChange={(e) => setComment(e.currentTarget.value)} w={320} />
        <Button onClick={submit} disabled={!lotId || capacity === ''}>
          Déclarer mon intérêt
        </Button>
      </Group>
      {mine.data && mine.data.items.length > 0 && (
        <Text size="sm" mt="xs" c="teal.8">
          Déclaré :{' '}
          {mine.data.items
            .map(
              (d) =>
                `${consultation.lots.find((l) => l.id === d.lotId)?.label ?? d.lotId} — ${formatNumber(d.capacity)} ${unitName(d.unit, d.capacity)}${d.coversLot ? ' (couvre le lot)' : ''}`,
            )
            .join(' ; ')}
        </Text>
      )}
    </div>
  );
}
