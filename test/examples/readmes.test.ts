import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/cdktf';
import { synthOut } from '../support/out';
import { EXAMPLE_BUILDERS } from './builders';

const builders = EXAMPLE_BUILDERS;

/** Every trust and permission document of every stack, pretty-printed as the READMEs show them. */
function documents(out: string): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
  return Object.values(manifest.stacks as { [n: string]: { synthesizedStackPath: string } }).flatMap((s) => {
    const json = JSON.parse(fs.readFileSync(path.join(out, s.synthesizedStackPath), 'utf8'));
    const roles = Object.values(json.resource?.alicloud_ram_role ?? {}) as { assume_role_policy_document: string }[];
    const policies = Object.values(json.resource?.alicloud_ram_policy ?? {}) as { policy_document: string }[];
    return [...roles.map((r) => r.assume_role_policy_document), ...policies.map((p) => p.policy_document)].map((d) =>
      JSON.stringify(JSON.parse(d), undefined, 2),
    );
  });
}

describe('example READMEs', () => {
  test.each(Object.keys(builders))('%s shows every synthesized trust and permission policy', (name) => {
    const readme = fs.readFileSync(path.join(ROOT, 'examples', name, 'README.md'), 'utf8');
    const docs = documents(synthOut(builders[name]));
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) expect(readme).toContain(doc);
    expect(readme).toContain('## What is created');
    expect(readme).toContain('## Revoke');
  });

  test('the root README links every example with a one-line purpose', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const name of Object.keys(builders))
      expect(readme).toMatch(new RegExp(`\\| \\[\`${name}\`\\]\\(examples/${name}/README\\.md\\) \\| .+ \\|`));
  });
});
