import { coversAssumeRole, globMatches } from '../../lib/analysis/private/glob';

describe('globMatches (ram-policy-reference §1.4)', () => {
  test('"*" matches any run, newlines included; "?" exactly one character; the whole value must match', () => {
    expect(globMatches('a*', 'a\nb', true)).toBe(true);
    expect(globMatches('a?b', 'a\nb', true)).toBe(true);
    expect(globMatches('a?b', 'ab', true)).toBe(false);
    expect(globMatches('a?b', 'axxb', true)).toBe(false);
    expect(globMatches('a*b', 'ab', true)).toBe(true);
    expect(globMatches('ab', 'xab', true)).toBe(false);
    expect(globMatches('ab', 'abx', true)).toBe(false);
    expect(globMatches('*', '', true)).toBe(true);
  });

  test('case: sensitive and insensitive matches are cached apart', () => {
    expect(globMatches('Log:Get*', 'log:getlogstore', false)).toBe(true);
    expect(globMatches('Log:Get*', 'log:getlogstore', true)).toBe(false);
    expect(globMatches('Log:Get*', 'Log:GetLogStore', true)).toBe(true);
    expect(globMatches('Log:Get*', 'log:getlogstore', false)).toBe(true);
  });

  test('every regular-expression character of a pattern is literal', () => {
    for (const ch of ['\\', '^', '$', '.', '+', '(', ')', '|', '{', '}', '[', ']']) {
      expect([ch, globMatches(`a${ch}b`, `a${ch}b`, true)]).toEqual([ch, true]);
      expect([ch, globMatches(`a${ch}b`, 'axb', true)]).toEqual([ch, false]);
    }
  });
});

describe('coversAssumeRole', () => {
  test('a literal action covers sts:AssumeRole in any case, a pattern when it matches it', () => {
    for (const yes of [
      'sts:AssumeRole',
      'STS:ASSUMEROLE',
      'sts:*',
      'STS:assume*',
      'sts:Assume?ole',
      '*',
      '*:AssumeRole',
    ]) {
      expect([yes, coversAssumeRole(yes)]).toEqual([yes, true]);
    }
    for (const no of [
      'sts:AssumeRoleWithSAML',
      'sts:Get*',
      'ecs:*',
      'sts:Assume?',
      'sts:AssumeRol',
      'ram:AssumeRole',
    ]) {
      expect([no, coversAssumeRole(no)]).toEqual([no, false]);
    }
  });
});
