import { describe, expect, it } from 'vitest';
import { parseTwiml } from '../../../../src/core/twiml/index.ts';
import { build, codes, onlyVerb } from './helpers.ts';

describe('<Redirect>', () => {
  it('reads the URL and method (default POST)', () => {
    expect(onlyVerb(parseTwiml(build((v) => v.redirect('/next'))))).toMatchObject({
      verb: 'Redirect',
      url: '/next',
      method: 'POST',
    });
    expect(
      onlyVerb(parseTwiml(build((v) => v.redirect({ method: 'GET' }, 'https://a.example/x?y=1&z=2')))),
    ).toMatchObject({
      url: 'https://a.example/x?y=1&z=2',
      method: 'GET',
    });
  });

  it('bad method gives 13710 and POST', () => {
    const r = parseTwiml('<Response><Redirect method="PATCH">/x</Redirect></Response>');
    expect(codes(r)).toEqual([13710]);
    expect(onlyVerb(r)).toMatchObject({ method: 'POST' });
  });

  it('an empty URL gives 11100 and the Redirect is skipped', () => {
    const r = parseTwiml('<Response><Redirect/><Hangup/></Response>');
    expect(codes(r)).toEqual([11100]);
    expect(r.diagnostics[0]?.severity).toBe('error');
    expect(r.document?.verbs.map((v) => v.verb)).toEqual(['Hangup']);
  });

  it("with emptyRedirect 'current-document' an empty Redirect targets the current document", () => {
    const r = parseTwiml('<Response><Redirect></Redirect></Response>', { emptyRedirect: 'current-document' });
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({ verb: 'Redirect', url: '' });
  });
});

describe('<Reject>', () => {
  it('reason defaults to rejected; busy is read', () => {
    expect(onlyVerb(parseTwiml(build((v) => v.reject())))).toMatchObject({
      verb: 'Reject',
      reason: 'rejected',
    });
    expect(onlyVerb(parseTwiml(build((v) => v.reject({ reason: 'busy' }))))).toMatchObject({
      reason: 'busy',
    });
  });

  it('bad reason gives 13810 and rejected', () => {
    const r = parseTwiml('<Response><Reject reason="Busy"/></Response>');
    expect(codes(r)).toEqual([13810]);
    expect(onlyVerb(r)).toMatchObject({ reason: 'rejected' });
  });

  it('may carry <Parameter>', () => {
    const r = parseTwiml('<Response><Reject><Parameter name="a" value="b"/></Reject></Response>');
    expect(r.diagnostics).toEqual([]);
  });
});

describe('<Hangup> and <Leave>', () => {
  it('have no attributes', () => {
    expect(onlyVerb(parseTwiml(build((v) => v.hangup())))).toEqual({
      verb: 'Hangup',
      pos: { line: 1, column: 49 },
      path: 'Response/Hangup[1]',
    });
    expect(codes(parseTwiml('<Response><Hangup reason="x"/></Response>'))).toEqual([12200]);
    expect(onlyVerb(parseTwiml(build((v) => v.leave())))).toMatchObject({ verb: 'Leave' });
  });

  it('Hangup may carry <Parameter> but no verbs', () => {
    expect(
      parseTwiml('<Response><Hangup><Parameter name="k" value="v"/></Hangup></Response>').diagnostics,
    ).toEqual([]);
    expect(codes(parseTwiml('<Response><Hangup><Say>x</Say></Hangup></Response>'))).toEqual([12200]);
  });
});

describe('<Enqueue>', () => {
  it('reads the queue name, action and waitUrl', () => {
    const r = parseTwiml(
      build((v) => v.enqueue({ action: '/after', waitUrl: '/wait', method: 'GET' }, 'support')),
    );
    expect(r.diagnostics).toEqual([]);
    expect(onlyVerb(r)).toMatchObject({
      verb: 'Enqueue',
      name: 'support',
      action: '/after',
      waitUrl: '/wait',
      method: 'GET',
    });
  });

  it('without a name gives 12200 and is skipped', () => {
    const r = parseTwiml('<Response><Enqueue/></Response>');
    expect(codes(r)).toEqual([12200]);
    expect(r.document?.verbs).toEqual([]);
  });
});
