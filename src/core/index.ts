/**
 * callrig's pure core: the only module other folders import from core. Nothing here does I/O;
 * time, ids and HTTP come in through the Clock, IdSource and WebhookPort ports.
 */

export * from './caller/index.ts';
export * from './clock/index.ts';
export * from './engine/index.ts';
export * from './errors/index.ts';
export { createIdSource, type IdSource, isSid, type SidPrefix } from './ids/id-source.ts';
export * from './twiml/index.ts';
