import { Badge } from '@mantine/core';
import type { AccountDto } from '@mutualis/contract';

/** « Actif » once the password is chosen, « Invitation en attente » before. */
export function AccountStatus({ account }: { account: Pick<AccountDto, 'hasPassword'> }) {
  return account.hasPassword ? (
    <Badge color="teal" variant="light" size="sm">
      Actif
    </Badge>
  ) : (
    <Badge color="orange" variant="light" size="sm">
      Invitation en attente
    </Badge>
  );
}
