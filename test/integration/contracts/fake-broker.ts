import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';

/** A pact as published: one consumer version's contract with one provider. */
export interface StoredPact {
  readonly consumer: string;
  readonly provider: string;
  readonly version: string;
  readonly branch: string | undefined;
  readonly content: Record<string, unknown>;
}

/** A verification result the verifier posted. */
export interface StoredResult {
  readonly provider: string;
  readonly consumer: string;
  readonly body: { success?: boolean; providerApplicationVersion?: string; testResults?: unknown[] };
}

/** A minimal Pact Broker stand-in, listening on 127.0.0.1, recording what it is sent. */
export interface FakeBroker {
  readonly url: string;
  readonly pacts: StoredPact[];
  readonly results: StoredResult[];
  /** `PUT /pacticipants/{p}/branches/{b}/versions/{v}` calls, as `p@b@v`. */
  readonly providerBranchVersions: string[];
  /** Every request, `METHOD path`, in order. */
  readonly requests: string[];
  close(): Promise<void>;
}

const HAL = 'application/hal+json';

/**
 * Starts the broker-compatible endpoint of pact-notes §7: the HAL index, `/contracts/publish`,
 * pacts-for-verification, pact GET with its links, the provider branch-version PUT, and
 * verification results. With `token`, every request needs `Authorization: Bearer <token>`.
 * @note No Pact Broker server can be installed here (it is a Ruby app); this is only as much
 * of its HTTP API as the Pact verifier and `publishPacts` walk through.
 */
export async function startFakeBroker(opts: { token?: string } = {}): Promise<FakeBroker> {
  const pacts: StoredPact[] = [];
  const results: StoredResult[] = [];
  const providerBranchVersions: string[] = [];
  const requests: string[] = [];
  const app: FastifyInstance = Fastify();
  const base = (req: FastifyRequest) => `http://${req.headers.host}`;
  const pactPath = (p: StoredPact) =>
    `/pacts/provider/${enc(p.provider)}/consumer/${enc(p.consumer)}/version/${enc(p.version)}`;

  app.addHook('onRequest', async (req, reply) => {
    requests.push(`${req.method} ${req.url}`);
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
      return reply.code(401).send({ error: 'unauthorized' });
    }
  });
  // @note The verifier sends `application/hal+json` bodies; parse them as JSON.
  app.addContentTypeParser(HAL, { parseAs: 'string' }, (_req, body, done) => {
    try {
      done(null, JSON.parse(String(body)));
    } catch (error) {
      done(error as Error, undefined);
    }
  });

  app.get('/', async (req, reply) =>
    reply.type(HAL).send({
      _links: {
        'pb:publish-contracts': { href: `${base(req)}/contracts/publish` },
        'pb:provider-pacts-for-verification': {
          href: `${base(req)}/pacts/provider/{provider}/for-verification`,
          templated: true,
        },
      },
    }),
  );

  app.post('/contracts/publish', async (req, reply) => {
    const body = req.body as {
      pacticipantName: string;
      pacticipantVersionNumber: string;
      branch?: string;
      contracts: Array<{ consumerName: string; providerName: string; content: string }>;
    };
    for (const c of body.contracts) {
      const content = JSON.parse(Buffer.from(c.content, 'base64').toString('utf8')) as Record<
        string,
        unknown
      >;
      const stored = {
        consumer: c.consumerName,
        provider: c.providerName,
        version: body.pacticipantVersionNumber,
        branch: body.branch,
        content,
      };
      const i = pacts.findIndex(
        (p) =>
          p.consumer === stored.consumer && p.provider === stored.provider && p.version === stored.version,
      );
      if (i >= 0) pacts[i] = stored;
      else pacts.push(stored);
    }
    const notices = body.contracts.map((c) => ({
      type: 'success',
      text: `Pact published for ${c.consumerName} version ${body.pacticipantVersionNumber} and provider ${c.providerName}.`,
    }));
    return reply.type(HAL).send({ notices, _embedded: { pacticipant: { name: body.pacticipantName } } });
  });

  // @note The verifier GETs the templated link first and POSTs the selectors to its `self`.
  app.get('/pacts/provider/:provider/for-verification', async (req, reply) =>
    reply.type(HAL).send({ _links: { self: { href: `${base(req)}${req.url}` } } }),
  );

  app.post('/pacts/provider/:provider/for-verification', async (req, reply) => {
    const { provider } = req.params as { provider: string };
    const latest = new Map<string, StoredPact>();
    for (const p of pacts) if (p.provider === provider) latest.set(p.consumer, p);
    return reply.type(HAL).send({
      _embedded: {
        pacts: [...latest.values()].map((p) => ({
          shortDescription: `latest from ${p.consumer}`,
          verificationProperties: {
            pending: false,
            notices: [{ when: 'before_verification', text: `verifying ${p.consumer} ${p.version}` }],
          },
          _links: {
            self: {
              href: `${base(req)}${pactPath(p)}`,
              name: `Pact between ${p.consumer} and ${p.provider}`,
            },
          },
        })),
      },
    });
  });

  app.get('/pacts/provider/:provider/consumer/:consumer/version/:version', async (req, reply) => {
    const { provider, consumer, version } = req.params as {
      provider: string;
      consumer: string;
      version: string;
      name: string;
      branch: string;
    };
    const p = pacts.find((x) => x.provider === provider && x.consumer === consumer && x.version === version);
    if (!p) return reply.code(404).send({ error: 'no such pact' });
    return reply.type(HAL).send({
      ...p.content,
      _links: {
        'pb:publish-verification-results': { href: `${base(req)}${pactPath(p)}/verification-results` },
        'pb:provider': { href: `${base(req)}/pacticipants/${enc(provider)}` },
      },
    });
  });

  app.get('/pacticipants/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    return reply.type(HAL).send({
      name,
      _links: {
        'pb:branch-version': {
          href: `${base(req)}/pacticipants/${enc(name)}/branches/{branch}/versions/{version}`,
          templated: true,
        },
      },
    });
  });

  app.put('/pacticipants/:name/branches/:branch/versions/:version', async (req, reply) => {
    const { name, branch, version } = req.params as {
      provider: string;
      consumer: string;
      version: string;
      name: string;
      branch: string;
    };
    providerBranchVersions.push(`${name}@${branch}@${version}`);
    return reply.type(HAL).send({});
  });

  app.post(
    '/pacts/provider/:provider/consumer/:consumer/version/:version/verification-results',
    async (req, reply) => {
      const { provider, consumer } = req.params as {
        provider: string;
        consumer: string;
        version: string;
        name: string;
        branch: string;
      };
      results.push({ provider, consumer, body: req.body as StoredResult['body'] });
      return reply
        .code(201)
        .type(HAL)
        .send({ success: (req.body as { success?: boolean }).success });
    },
  );

  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, pacts, results, providerBranchVersions, requests, close: () => app.close() };
}

const enc = encodeURIComponent;
