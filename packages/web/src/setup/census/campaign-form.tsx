import { Alert, Button, Group, MultiSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { PurchaseFamilyDto } from '@mutualis/contract';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/api-error';
import { api } from '../../api/client';
import { mapIssuesToFields } from '../../api/field-errors';
import { FrenchDateInput } from '../../dates/french-date-input';

type Field = 'title' | 'deadline' | 'familyIds' | 'message';
const FIELDS: readonly string[] = ['title', 'deadline', 'familyIds', 'message'];

interface CampaignFormProps {
  slug: string;
  families: PurchaseFamilyDto[];
  emailConfigured: boolean;
  onOpened: (emailed: number) => void;
}

/** Opens a census: its title, deadline, the purchase families in scope, and a word to the members. */
export function CampaignForm({ slug, families, emailConfigured, onOpened }: CampaignFormProps) {
  const [title, setTitle] = useState(`Recensement ${new Date().getFullYear() + 1}`);
  const [deadline, setDeadline] = useState('');
  const [familyIds, setFamilyIds] = useState<string[]>([]);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaving(true);
    setErrors({});
    setGeneral(null);
    try {
      const answer = await api.post<{ emailed: number }>(`/territories/${encodeURIComponent(slug)}/census-campaigns`, {
        title: title.trim(),
        deadline,
        familyIds,
        message: message.trim(),
      });
      onOpened(answer.emailed);
    } catch (caught) {
      if (!isApiError(caught)) setGeneral('Réessayez dans un instant.');
      else {
        const mapped = mapIssuesToFields<Field>(caught.issues, (f) => (FIELDS.includes(f) ? (f as Field) : null));
        setErrors(mapped.byField);
        setGeneral(caught.issues.length === 0 ? caught.message : mapped.general.join(' ') || null);
      }
    } finally {
      setIsSaving(false);
    }
  };
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="campaign-form-title">
      <Stack>
        <Title order={2} size="h4" id="campaign-form-title">
          Ouvrir un recensement
        </Title>
        <Text size="sm" c="dimmed">
          {emailConfigured
            ? 'Chaque acheteur du territoire est prévenu par e-mail et le voit sur son écran d’accueil.'
            : 'Cette instance n’envoie pas d’e-mails : chaque acheteur voit le recensement sur son écran d’accueil dès sa prochaine connexion.'}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Titre" required value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={errors.title} />
          <FrenchDateInput label="Date limite de réponse" value={deadline} onChange={setDeadline} error={errors.deadline} />
        </SimpleGrid>
        <MultiSelect
          label="Familles d’achat concernées"
          required
          searchable
          data={families.map((f) => ({ value: f.id, label: f.name }))}
          value={familyIds}
          onChange={setFamilyIds}
          error={errors.familyIds}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="Message aux membres"
          description="Facultatif : ce que vous attendez, qui contacter."
          autosize
          minRows={2}
          value={message}
          onChange={(e) => setMessage(e.currentTarget.value)}
          error={errors.message}
        />
        {general && <Alert color="red">{general}</Alert>}
        <Group justify="flex-end">
          <Button type="submit" loading={isSaving}>
            Ouvrir le recensement
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
