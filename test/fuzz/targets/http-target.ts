import { type FuzzRequest, type RequestShape, requestArbitrary } from '../http-arbitraries.ts';
import { sendRaw } from '../raw-http.ts';
import type { FuzzSession, FuzzTarget } from '../types.ts';
import { answerProblems, FuzzFailure } from '../verdict.ts';

/** What an HTTP/1.1 target starts: a listening service and how to shape requests for it. */
export interface HttpService {
  origin: string;
  shape: RequestShape;
  /** Adds headers that depend on the final request (e.g. X-Twilio-Signature). */
  decorate?(req: FuzzRequest): FuzzRequest;
  /** Statuses ≥ 500 that this service documents as normal answers. */
  allow5xx?: number[];
  after?(): Promise<void>;
  close(): Promise<void>;
}

/** A fuzz target that fires random requests at one HTTP/1.1 service over real sockets. */
export function httpTarget(name: string, weight: number, start: () => Promise<HttpService>): FuzzTarget {
  return {
    name,
    weight,
    async open(): Promise<FuzzSession> {
      const svc = await start();
      const counts: Record<string, number> = {};
      return {
        stats: () => counts,
        arbitrary: requestArbitrary(svc.shape),
        async run(input) {
          const req = svc.decorate ? svc.decorate(input as FuzzRequest) : (input as FuzzRequest);
          const res = await sendRaw(svc.origin, req);
          const bucket = res.kind === 'response' ? String(res.status) : 'none';
          counts[bucket] = (counts[bucket] ?? 0) + 1;
          const problems =
            res.kind === 'response'
              ? answerProblems(res.status, res.body, svc.allow5xx)
              : [`${req.method} ${req.target}: ${res.reason}`];
          if (problems.length > 0)
            throw new FuzzFailure(problems.map((p) => `${req.method} ${req.target} → ${p}`));
        },
        after: svc.after,
        close: () => svc.close(),
      };
    },
  };
}
