import { SHARE_BANDS, WITHHELD_REASONS } from '@mutualis/core';
import { z } from 'zod';

/**
 * Why figures are left out of an answer for the caller (core's disclosure rule): a code and the
 * French sentence the screens and files show where the figures would be.
 */
export const withheldSchema = z.object({ code: z.enum(WITHHELD_REASONS), message: z.string() });
export type WithheldDto = z.infer<typeof withheldSchema>;

/** A share a member may not read exactly, as a band. */
export const shareBandSchema = z.enum(SHARE_BANDS);
export type ShareBandDto = z.infer<typeof shareBandSchema>;
