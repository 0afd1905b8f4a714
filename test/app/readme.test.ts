import * as fs from 'fs';
import * as path from 'path';
import { quickstartOut } from '../support/quickstart';

const root = path.resolve(__dirname, '..', '..');

describe('README quickstart', () => {
  test('is the code of examples/quickstart/main.ts', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    const example = fs
      .readFileSync(path.join(root, 'examples', 'quickstart', 'main.ts'), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n')
      .replace("from '../../lib'", "from 'cdktf-alicloud-cross-account'");
    expect(block).toBe(example);
  });

  test('synthesizes both stacks with the policies the README shows', async () => {
    const outdir = await quickstartOut();
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const shown = Array.from(readme.matchAll(/```json\n(.*)\n```/g)).map((m) => m[1]);
    const owner = fs.readFileSync(path.join(outdir, 'stacks', 'owner', 'cdk.tf.json'), 'utf8');
    const partner = fs.readFileSync(path.join(outdir, 'stacks', 'partner', 'cdk.tf.json'), 'utf8');
    expect(shown).toHaveLength(2);
    expect(owner).toContain(JSON.stringify(shown[0]));
    expect(partner).toContain(JSON.stringify(shown[1]));
  });
});
