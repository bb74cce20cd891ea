import { Alert, Loader, Stack, Text, Title } from '@mantine/core';
import type { NextStepsDto } from '@mutualis/contract';
import { useApi } from '../../api/use-api';
import type { RoleGrant } from '../../api/types';
import { paths } from '../../router/routes';
import { StepCard } from './step-card';

type StepKey = NextStepsDto['steps'][number]['key'];

const ACTIONS: Record<StepKey, (slug: string) => { label: string; to: string }> = {
  organizations: (slug) => ({ label: 'Organisations', to: paths.organizations(slug) }),
  accounts: (slug) => ({ label: 'Comptes', to: paths.accounts(slug) }),
  census: (slug) => ({ label: 'Recensement', to: paths.censusCampaign(slug) }),
  account_requests: (slug) => ({ label: 'Examiner les demandes', to: paths.accountRequests(slug) }),
  opportunities: (slug) => ({ label: 'Opportunités', to: paths.opportunities(slug) }),
};

/** The facilitator's first screen: what to do next on its territory, each step with its screen. */
export function FacilitatorHome({ grant, userName }: { grant: RoleGrant; userName: string }) {
  const { data, error } = useApi<NextStepsDto>(`/territories/${encodeURIComponent(grant.territorySlug)}/next-steps`);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{`Bonjour ${userName}`}</Title>
        <Text c="dimmed">{`Animation du territoire ${grant.territoryName} : voici ce qu’il reste à faire.`}</Text>
      </div>
      {error && (
        <Alert color="red" title="Étapes indisponibles">
          {error.message}
        </Alert>
      )}
      {data === null && !error ? (
        <Loader aria-label="Chargement des étapes" />
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} aria-label="Prochaines étapes">
          {(data?.steps ?? []).map((step, i) => (
            <StepCard
              key={step.key}
              index={i + 1}
              title={step.title}
              detail={step.detail}
              state={step.state}
              action={ACTIONS[step.key](grant.territorySlug)}
            />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
