/**
 * Every path the fake serves and its methods, so an unmatched request can be told apart:
 * a known path with the wrong method is 405/20004, anything else 404/20404 (§8.4).
 */
const ROUTES: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^\/2010-04-01\/Accounts\/[^/]+\/Calls\.json$/, ['GET', 'POST']],
  [/^\/2010-04-01\/Accounts\/[^/]+\/Calls\/[^/]+\/Recordings\.json$/, ['GET']],
  [/^\/2010-04-01\/Accounts\/[^/]+\/Calls\/[^/]+$/, ['GET', 'POST', 'DELETE']],
  [/^\/2010-04-01\/Accounts\/[^/]+\/Recordings\.json$/, ['GET']],
  [/^\/2010-04-01\/Accounts\/[^/]+\/Recordings\/[^/]+$/, ['GET', 'DELETE']],
  [/^\/callrig\/v1\/connect$/, ['POST']],
  [/^\/callrig\/v1\/calls\/[^/]+\/debugger$/, ['GET']],
  [/^\/callrig\/v1\/admin\/(accounts|apps)$/, ['GET', 'POST']],
  [/^\/callrig\/v1\/admin\/callees$/, ['GET']],
  [/^\/callrig\/v1\/admin\/callees\/[^/]+$/, ['PUT']],
];

/** The methods a path allows, or null when the path is unknown. */
export function allowedMethods(path: string): readonly string[] | null {
  for (const [re, methods] of ROUTES) if (re.test(path)) return methods;
  return null;
}
