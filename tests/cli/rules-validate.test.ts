import { runRulesValidate } from '../../src/cli/rules-validate';
import { captureIo } from './capture-io';

describe('saring rules validate', () => {
  const saved = process.env.SARING_RULES_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SARING_RULES_DIR;
    else process.env.SARING_RULES_DIR = saved;
  });

  it('when SARING_RULES_DIR is empty, then the default ./rules is validated, like the service does', async () => {
    process.env.SARING_RULES_DIR = '';
    const io = captureIo();
    expect(await runRulesValidate([], io)).toBe(0);
    expect(io.out()).toMatch(/^ok: rules — \d+ rule files/);
  });
});
