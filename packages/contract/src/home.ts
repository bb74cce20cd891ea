import { z } from 'zod';

/** The facilitator's first screen: what to do next in its territory. */
export const nextStepsSchema = z
  .object({
    steps: z.array(
      z.object({
        key: z.enum(['organizations', 'accounts', 'census', 'account_requests', 'opportunities']),
        state: z.enum(['todo', 'in_progress', 'done']),
        title: z.string(),
        detail: z.string(),
      }),
    ),
  })
  .meta({ id: 'NextSteps' });
export type NextStepsDto = z.infer<typeof nextStepsSchema>;

/** A member buyer's first screen: its dated actions (census to answer, notices to send, contracts ending). */
export const memberAgendaSchema = z
  .object({
    items: z.array(
      z.object({
        date: z.string(),
        kind: z.enum(['census_deadline', 'non_renewal_notice', 'contract_end']),
        title: z.string(),
        detail: z.string(),
        contractId: z.string().nullable(),
        isOverdue: z.boolean(),
      }),
    ),
    needCount: z.number().int(),
    contractCount: z.number().int(),
  })
  .meta({ id: 'MemberAgenda' });
export type MemberAgendaDto = z.infer<typeof memberAgendaSchema>;
