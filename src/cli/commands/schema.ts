import { scenarioSchema } from '../../scenario/load/schema-validate.ts';
import { type CliIo, EXIT } from '../io.ts';

/** `callrig schema`: prints the scenario JSON Schema (for editors and CI checks). */
export function schemaCommand(io: CliIo): number {
  io.stdout.write(`${JSON.stringify(scenarioSchema, null, 2)}\n`);
  return EXIT.ok;
}
