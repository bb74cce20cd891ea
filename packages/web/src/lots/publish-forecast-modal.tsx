import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ForecastBody } from '@mutualis/contract';
import { useState } from 'react';
import { isApiError } from '../api/api-error';
import { api } from '../api/client';
import { navigate } from '../router/navigation';
import { localPaths } from '../sourcing/local-routes';
import { FrenchDateInput } from '../dates/french-date-input';

interface PublishForecastModalProps {
  slug: string;
  opportunityId: string;
  structureId: string;
  k: number;
  maxLotsPerBidder: number | null;
  defaultTitle: string;
  lotCount: number;
  opened: boolean;
  onClose: () => void;
}

/** Publishes the lots shown as a planned consultation on the territory's public forecast page. */
export function PublishForecastModal(props: PublishForecastModalProps) {
  const [title, setTitle] = useState(props.defaultTitle);
  const [launchDate, setLaunchDate] = useState('');
  const [startDate, setStartDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    const body: ForecastBody = {
      opportunityId: props.opportunityId,
      structureId: props.structureId,
      k: props.k,
      maxLotsPerBidder: props.maxLotsPerBidder,
      title,
      launchDate,
      startDate,
    };
    try {
      await api.post(`/territories/${encodeURIComponent(props.slug)}/forecast`, body);
      notifications.show({ color: 'teal', message: 'Consultation publiée sur la page des prévisions.' });
      props.onClose();
      navigate(localPaths.forecast(props.slug));
    } catch (error) {
      if (isApiError(error)) setErrors(Object.fromEntries(error.issues.map((i) => [i.field, i.reason])));
      notifications.show({ color: 'red', title: 'Publication impossible', message: isApiError(error) ? error.message : 'Réessayez.' });
    }
  };
  return (
    <Modal opened={props.opened} onClose={props.onClose} title="Publier la prévision de consultation" size="lg">
      <Stack>
        <Text size="sm">
          La consultation et ses {props.lotCount} lot{props.lotCount > 1 ? 's' : ''} seront visibles sans connexion sur la page publique des
          prévisions du territoire (volumes et dates seulement : ni prix, ni besoins détaillés des membres).
        </Text>
        <TextInput label="Intitulé" value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
        <Group grow>
          <FrenchDateInput label="Lancement prévu" value={launchDate} onChange={setLaunchDate} error={errors.launchDate} />
          <FrenchDateInput label="Début d’exécution prévu" value={startDate} onChange={setStartDate} error={errors.startDate} />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Annuler
          </Button>
          <Button onClick={submit} disabled={!launchDate || !startDate}>
            Publier
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
