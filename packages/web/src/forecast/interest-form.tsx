import { Alert, Button, Group, List, NumberInput, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { InterestBody, InterestListDto, PublicConsultationDto } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { formatNumber } from '../format/number';
import { unitName } from '../reference/units';

/**
 * « Déclarer mon intérêt » : a supplier states, per lot, the annual capacity its firm could deliver
 * and a comment for the facilitator; it then reads, per lot, whether it is eligible and why.
 */
export function InterestForm({ consultation }: { consultation: PublicConsultationDto }) {
  const mine = useApi<InterestListDto>(`/forecast/${encodeURIComponent(consultation.id)}/interests`);
  const [lotId, setLotId] = useState<string | null>(consultation.lots[0]?.id ?? null);
  const [capacity, setCapacity] = useState<number | ''>('');
  const [comment, setComment] = useState('');
  const lot = consultation.lots.find((l) => l.id === lotId);
  const missing = !lotId ? 'Choisissez un lot.' : capacity === '' ? 'Indiquez la capacité annuelle de votre entreprise.' : null;
  const submit = async () => {
    if (!lotId || capacity === '') return;
    const body: InterestBody = { lotId, capacity, unit: lot?.unit ?? undefined, comment };
    try {
      await api.post(`/forecast/${encodeURIComponent(consultation.id)}/interests`, body);
      notifications.show({ color: 'teal', message: 'Intérêt enregistré. L’animateur du territoire le voit avec votre commentaire.' });
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
          onChange={(next) => setLotId(next ?? lotId)}
          allowDeselect={false}
          w={{ base: '100%', sm: 320 }}
        />
        <NumberInput
          label={`Capacité annuelle${lot?.unit ? ` (${unitName(lot.unit, 2)})` : ''}`}
          description={lot?.volume ? `Volume du lot : ${formatNumber(lot.volume)} ${unitName(lot.unit, lot.volume)} par an` : undefined}
          min={0}
          thousandSeparator=" "
          value={capacity}
          onChange={(v) => setCapacity(typeof v === 'number' ? v : '')}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <Textarea
        mt="sm"
        label="Commentaire pour l’animateur du territoire (facultatif)"
        description="Délais, conditionnement, partenaires envisagés… Il est transmis avec votre déclaration."
        autosize
        minRows={2}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        maw={660}
      />
      <Group mt="sm" gap="sm">
        <Button onClick={submit} disabled={missing !== null}>
          Déclarer mon intérêt
        </Button>
        {missing && (
          <Text size="sm" c="dimmed">
            {missing}
          </Text>
        )}
      </Group>
      {mine.data && mine.data.items.length > 0 && (
        <Alert mt="sm" color="teal" variant="light" title="Vos déclarations">
          <List size="sm" spacing={4}>
            {mine.data.items.map((d) => (
              <List.Item key={d.lotId}>
                <Stack gap={0}>
                  <Text size="sm" fw={600}>
                    {`${consultation.lots.find((l) => l.id === d.lotId)?.label ?? d.lotId} — ${formatNumber(d.capacity)} ${unitName(d.unit, d.capacity)} par an`}
                  </Text>
                  <Text size="sm" c={d.coversLot ? 'teal.9' : 'orange.9'}>
                    {d.eligibility}
                  </Text>
                  {d.comment && <Text size="sm" c="dimmed">{`Votre commentaire : ${d.comment}`}</Text>}
                </Stack>
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </div>
  );
}
