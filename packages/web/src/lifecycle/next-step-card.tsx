import { Alert, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { LifecycleView } from '@mutualis/contract';
import { useState } from 'react';
import { STEP_ACTIONS, todayIso } from './lifecycle-labels';
import { FrenchDateInput } from '../dates/french-date-input';

interface NextStepCardProps {
  view: LifecycleView;
  isBusy: boolean;
  onTransition: (body: Record<string, string>) => void;
  onAward: () => void;
}

/** The next step(s): what blocks each and who must act, with the button to take it. */
export function NextStepCard({ view, isBusy, onTransition, onAward }: NextStepCardProps) {
  const [date, setDate] = useState(todayIso());
  const canAward = view.can.award && (view.status === 'launched' || view.status === 'awarded');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Title order={2} size="h3">
          Étape suivante
        </Title>
        {view.nextSteps.length === 0 && <Text c="dimmed">Le groupement est clos : il n’y a plus d’étape.</Text>}
        {view.nextSteps.map((step) => {
          const needsDate = step.to === 'launched' || step.to === 'convention_drafted';
          const isAwardStep = step.to === 'awarded';
          return (
            <Stack key={step.to} gap="xs">
              {step.blockers.length > 0 ? (
                <Alert color="orange" title={`« ${step.label} » n’est pas encore possible`}>
                  <List size="sm">
                    {step.blockers.map((b) => (
                      <List.Item key={b.code}>{b.message}</List.Item>
                    ))}
                  </List>
                </Alert>
              ) : (
                <Text size="sm">{`Tout est prêt pour « ${step.label} ».`}</Text>
              )}
              {view.can.transition && !isAwardStep && (
                <Group align="flex-end">
                  {needsDate && (
                    <FrenchDateInput
                      label={step.to === 'launched' ? 'Date de lancement (envoi de l’avis)' : 'Lancement prévu le'}
                      value={date}
                      onChange={setDate}
                    />
                  )}
                  <Button
                    loading={isBusy}
                    onClick={() =>
                      onTransition(
                        step.to === 'launched'
                          ? { to: step.to, launchedOn: date }
                          : step.to === 'convention_drafted'
                            ? { to: step.to, plannedLaunchOn: date }
                            : { to: step.to },
                      )
                    }
                  >
                    {STEP_ACTIONS[step.to]}
                  </Button>
                </Group>
              )}
            </Stack>
          );
        })}
        {canAward && (
          <Group>
            <Button color="teal" onClick={onAward}>
              Attribuer un lot
            </Button>
            <Text size="sm" c="dimmed">
              Titulaire, prix et dates du marché ; le groupement passe à « Marché attribué » dès le premier lot.
            </Text>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
