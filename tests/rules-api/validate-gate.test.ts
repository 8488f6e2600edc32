import { AppError } from '../../src/errors';
import { createValidateGate } from '../../src/rules-api/validate-gate';

/** The guard of rule validations (src/rules-api/validate-gate.ts): its refusals say when to retry. */
describe('createValidateGate', () => {
  const refusal = async (run: Promise<unknown>) => {
    const err = await run.then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  };

  it('when a token has used its burst, then the next validation is refused with the seconds until a token is back', async () => {
    let ms = 0;
    const gate = createValidateGate({ perMinute: 6, burst: 1, maxConcurrent: 5 }, () => ms);
    await gate.for('p1')(async () => 'ok');
    const err = await refusal(gate.for('p1')(async () => 'again'));
    expect(err.code).toBe('rate_limited');
    expect(err.retryAfterSeconds).toBe(10);
    expect(await gate.for('p2')(async () => 'another token')).toBe('another token');
    ms = 10_000;
    expect(await gate.for('p1')(async () => 'later')).toBe('later');
  });

  it('when a validation is running and the instance allows one at a time, then a second is refused with a short retry', async () => {
    const gate = createValidateGate({ perMinute: 60, burst: 5, maxConcurrent: 1 });
    let finish!: () => void;
    const first = gate.for('p1')(() => new Promise<void>((resolve) => (finish = resolve)));
    const err = await refusal(gate.for('p2')(async () => undefined));
    expect(err).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 2 });
    finish();
    await first;
    expect(await gate.for('p2')(async () => 'now')).toBe('now');
  });
});
