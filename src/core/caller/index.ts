/** The caller model's public surface: the script type, its validator and the model. */

export {
  afterInput,
  type CallerModel,
  createCallerModel,
  nextInput,
  unusedWarnings,
} from './caller-model.ts';
export type * from './caller-script.ts';
export { normaliseScript } from './caller-script.ts';
export { checkCallerScript } from './check-caller-script.ts';
