import { fileURLToPath } from 'node:url';
import type { Pacticipant } from './pacticipants.ts';

/** Absolute path of `contracts/pacts/`, where consumer tests write and provider checks read. */
export const PACT_DIR = fileURLToPath(new URL('./pacts/', import.meta.url));

/** The file Pact writes for one consumer/provider pair. */
export function pactFile(consumer: Pacticipant, provider: Pacticipant): string {
  return `${PACT_DIR}${consumer}-${provider}.json`;
}
