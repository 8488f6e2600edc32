import { signBody, verifySignature } from '../../src/webhooks/signature';

describe('webhook signatures', () => {
  const secret = 'whsec-test';
  const body = '{"id":"d1","type":"comment.final"}';
  const now = 1_700_000_000;
  const header = signBody(secret, body, now);

  it('when signed, then the header is t=<seconds>,v1=<64 hex>', () => {
    expect(header).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });

  it.each([
    { name: 'the body as sent', raw: body, h: header, s: secret, at: now, ok: true },
    { name: 'a body changed by one character', raw: body.replace('d1', 'd2'), h: header, s: secret, at: now, ok: false },
    { name: 'another secret', raw: body, h: header, s: 'other', at: now, ok: false },
    { name: 'a timestamp older than five minutes', raw: body, h: header, s: secret, at: now + 301, ok: false },
    { name: 'a timestamp swapped into the header', raw: body, h: header.replace('t=1700000000', 't=1700000001'), s: secret, at: now, ok: false },
    { name: 'a missing header', raw: body, h: undefined, s: secret, at: now, ok: false },
    { name: 'a short mac', raw: body, h: 't=1700000000,v1=abcd', s: secret, at: now, ok: false },
  ])('when a receiver verifies $name, then it says $ok', ({ raw, h, s, at, ok }) => {
    expect(verifySignature(s, raw, h, { nowSec: at })).toBe(ok);
  });
});
