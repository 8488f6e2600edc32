import { assertWritePreconditions } from '../../src/rules-api/preconditions';
import { isRuleFileName } from '../../src/rules-api/rule-files';

const H = 'a'.repeat(64);
const tag = `"${H}"`;

describe('write preconditions (RFC 9110)', () => {
  it.each([
    ['If-Match with the current ETag', { ifMatch: tag }, H, 'ok'],
    ['If-Match listing the current ETag among others', { ifMatch: `"x", ${tag}` }, H, 'ok'],
    ['If-Match: * on an existing file', { ifMatch: '*' }, H, 'ok'],
    ['If-None-Match: * on a missing file', { ifNoneMatch: '*' }, undefined, 'ok'],
    ['no condition at all', {}, H, 'precondition_required'],
    ['no condition on a missing file', {}, undefined, 'precondition_required'],
    ['If-Match with a stale ETag', { ifMatch: '"old"' }, H, 'precondition_failed'],
    ['If-Match with the weak form of the current ETag', { ifMatch: `W/${tag}` }, H, 'precondition_failed'],
    ['If-Match with the bare hash, unquoted', { ifMatch: H }, H, 'precondition_failed'],
    ['If-Match: * on a missing file', { ifMatch: '*' }, undefined, 'precondition_failed'],
    ['If-None-Match: * on an existing file', { ifNoneMatch: '*' }, H, 'precondition_failed'],
    ['If-None-Match with the current ETag', { ifNoneMatch: tag }, H, 'precondition_failed'],
  ])('when a write sends %s, then %s', (_name, conditions, current, expected) => {
    let outcome = 'ok';
    try {
      assertWritePreconditions(conditions, current);
    } catch (err) {
      outcome = (err as { code: string }).code;
    }
    expect(outcome).toBe(expected);
  });
});

describe('rule file names', () => {
  it.each(['kasar.yaml', 'judi.yml', '_variants.yaml', 'uji-coba_2.yaml'])('when the name is %s, then it is accepted', (name) => {
    expect(isRuleFileName(name)).toBe(true);
  });
  it.each(['../kasar.yaml', '/etc/passwd', 'a/b.yaml', '.kasar.yaml', 'Kasar.yaml', 'kasar.yaml.tmp', 'kasar.json', 'kasar', 'ka sar.yaml', 'kasar.v2.yaml', '-x.yaml', 'x.yaml\0', `${'a'.repeat(65)}.yaml`])(
    'when the name is %j, then it is refused',
    (name) => {
      expect(isRuleFileName(name)).toBe(false);
    },
  );
});
