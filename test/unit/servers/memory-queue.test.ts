import { createMemoryCallbackQueue } from '../../../src/servers/helpdesk/callback-queue/memory-queue.ts';
import { callbackQueueSuite } from '../../suites/callback-queue.suite.ts';

callbackQueueSuite('in-memory', async () => {
  const queue = createMemoryCallbackQueue();
  return { queue, dispose: () => queue.close() };
});
