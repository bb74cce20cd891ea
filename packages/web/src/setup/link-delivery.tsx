import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import type { LinkDelivery } from '@mutualis/contract';
import { formatDateTimeFr } from './format-date-time';

interface LinkDeliveryNoticeProps {
  delivery: LinkDelivery;
  /** Who the link is for, e.g. « Paul Acheteur (paul@ville.fr) ». */
  recipient: string;
}

const PURPOSES: Record<LinkDelivery['purpose'], string> = {
  invitation: 'd’invitation',
  password_reset: 'de réinitialisation du mot de passe',
  setup: 'd’installation',
};

/**
 * Where a one-time link went: by e-mail, or shown here once to be passed on by hand (when the
 * instance sends no e-mail, or the relay refused it).
 */
export function LinkDeliveryNotice({ delivery, recipient }: LinkDeliveryNoticeProps) {
  const expiry = `Il ne sert qu’une fois et expire le ${formatDateTimeFr(delivery.expiresAt)}.`;
  if (delivery.emailed) {
    return (
      <Alert color="teal" title="Lien envoyé par e-mail" role="status">
        {`Le lien ${PURPOSES[delivery.purpose]} a été envoyé à ${recipient}. ${expiry}`}
      </Alert>
    );
  }
  return (
    <Alert color="yellow" title="Lien à transmettre" role="status">
      <Stack gap="xs">
        {delivery.emailError && <Text size="sm">{delivery.emailError}</Text>}
        <Text size="sm">{`Transmettez ce lien ${PURPOSES[delivery.purpose]} à ${recipient}, par un canal sûr. ${expiry}`}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            label="Lien à usage unique"
            value={delivery.url ?? ''}
            readOnly
            style={{ flex: 1, minWidth: 0 }}
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton value={delivery.url ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copié' : 'Copier'}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
