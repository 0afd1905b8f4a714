import { quote } from '../policy/private/expression';

/** Tag rules of Alibaba Cloud: keys 1-128 characters, not starting with `aliyun` or `acs:`; values up to 128. */
export function checkTags(what: string, tags: { [key: string]: string } | undefined): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags ?? {})) {
    if (key.length < 1 || key.length > 128 || /^(aliyun|acs:)/i.test(key)) {
      problems.push(
        `${what} key ${quote(key)} is not a valid tag key (1-128 characters, not starting with "aliyun" or "acs:")`,
      );
    }
    if (value.length > 128) {
      problems.push(`${what} value of ${quote(key)} is ${value.length} characters long (allowed: 0-128)`);
    }
  }
  return problems;
}
