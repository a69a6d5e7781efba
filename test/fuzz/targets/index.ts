import type { FuzzTarget } from '../types.ts';
import { apnsTarget } from './apns.ts';
import { catapushTarget } from './catapush.ts';
import { engineTarget } from './engine.ts';
import { helpDeskTarget, tokenServerTarget } from './servers.ts';
import { twilioTarget } from './twilio.ts';

/** Every fuzz target, in run order. */
export const ALL_TARGETS: readonly FuzzTarget[] = [
  twilioTarget,
  catapushTarget,
  apnsTarget,
  tokenServerTarget,
  helpDeskTarget,
  engineTarget,
];
