import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration from the environment', () => {
  it('when MONGO_URL is set but empty (MONGO_URL=), then it is unset: the embedded store, not a stop', () => {
    expect(loadConfig({ MONGO_URL: '' }).mongoUrl).toBeUndefined();
  });

  it('when any variable is empty, then its default applies, as if it were unset', () => {
    const c = loadConfig({ PORT: '', HOST: '', SARING_DATA_DIR: '', SARING_RULES_DIR: '', SARING_ADMIN_TOKEN: '', LOG_LEVEL: '', SARING_WATCH_RULES: '', SARING_RATE_TOKEN_PER_SEC: '' });
    expect(c.port).toBe(8080);
    expect(c.host).toBe('0.0.0.0');
    expect(c.dataDir).toBe(path.resolve('./data'));
    expect(c.rulesDir).toBe(path.resolve('./rules'));
    expect(c.adminToken).toBeUndefined();
    expect(c.logLevel).toBe('info');
    expect(c.watchRules).toBe(true);
    expect(c.rateLimits.token.perSecond).toBe(200);
  });

  it('when MONGO_URL holds something that is not a mongodb URL, then start-up stops naming MONGO_URL', () => {
    expect(() => loadConfig({ MONGO_URL: 'localhost:27017' })).toThrow(ConfigError);
    expect(() => loadConfig({ MONGO_URL: 'localhost:27017' })).toThrow(/MONGO_URL: must start with mongodb:\/\//);
  });

  it('when MONGO_URL is a mongodb URL, then it is used', () => {
    expect(loadConfig({ MONGO_URL: 'mongodb://127.0.0.1:27017/saring' }).mongoUrl).toBe('mongodb://127.0.0.1:27017/saring');
  });
});
