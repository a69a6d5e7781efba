// Loads tsx the way bin/callrig.js does (ESM hooks only), then times importing each module
// given on the command line (relative ones from the working directory), in order, inside this one process. Prints one JSON line:
// { "register": ms, "<specifier>": ms, ... }. Plain JS so no loader is needed to start it.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const t0 = performance.now();
const { register } = await import('tsx/esm/api');
register();
const out = { register: performance.now() - t0 };
for (const specifier of process.argv.slice(2)) {
  const t = performance.now();
  // @note Relative specifiers are relative to the working directory (the repository), not here.
  await import(specifier.startsWith('.') ? pathToFileURL(resolve(specifier)).href : specifier);
  out[specifier] = performance.now() - t;
}
process.stdout.write(`${JSON.stringify(out)}\n`);
