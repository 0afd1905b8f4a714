// Every synthesized stack (the flagship and every example, by the real `cdktf synth`) passes
// `terraform init` + `terraform validate` against the provider's schema with no error and no
// warning, and the check can fail: one renamed attribute makes validate fail.
import * as fs from 'fs';
import * as path from 'path';
import { cdktfSynth, ROOT } from '../support/cdktf';
import { init, stacksOf, tempDir, terraform, terraformOk } from './terraform';

interface Validation {
  valid: boolean;
  error_count: number;
  warning_count: number;
  diagnostics: { severity: string; summary: string; detail: string }[];
}

function validate(dir: string, registry?: boolean): Validation {
  return JSON.parse(terraform(dir, ['validate', '-json', '-no-color'], {}, registry).stdout) as Validation;
}

// The stand-in serves aliyun/alicloud only; the UCloud example (scenario 0) needs ucloud/ucloud, so its
// stack is checked against schema/ucloud by test/ucloud/schema.test.ts instead.
const NOT_ALICLOUD = ['ucloud-cross-account'];
const folders = [
  '.',
  ...fs
    .readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => fs.existsSync(path.join(ROOT, 'examples', f, 'cdktf.json')) && !NOT_ALICLOUD.includes(f))
    // The Python example needs its venv; test/python shows its stacks are partner-readonly's, byte for byte.
    .filter((f) => !/"language": "python"/.test(fs.readFileSync(path.join(ROOT, 'examples', f, 'cdktf.json'), 'utf8')))
    .map((f) => `examples/${f}`),
];

test('Terraform and the schema it checks against are the pinned ones', () => {
  const version = JSON.parse(terraformOk(ROOT, ['version', '-json']).stdout) as { terraform_version: string };
  const meta = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'provider.json'), 'utf8')) as { version: string };
  console.log(`Terraform ${version.terraform_version}; schema of aliyun/alicloud ${meta.version}`);
  expect(version.terraform_version).toMatch(/^1\.\d+\.\d+$/);
  expect(meta.version).toBe('1.289.0');
});

const outputs = new Map<string, string>();
/** The folder synthesized once by the real `cdktf synth`. */
function synthesized(folder: string): { [name: string]: string } {
  if (!outputs.has(folder)) outputs.set(folder, cdktfSynth(folder));
  return stacksOf(outputs.get(folder) as string);
}

describe.each(folders)('%s', (folder) => {
  const stacks = synthesized(folder);

  test.each(Object.keys(stacks))('stack %s validates with no errors and no warnings', (name) => {
    init(stacks[name]);
    const result = validate(stacks[name]);
    expect(result.diagnostics).toEqual([]);
    expect(result).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
  });
});

test('a renamed attribute fails validation (the check can fail)', () => {
  const stacks = synthesized('.');
  const dir = tempDir('tf-renamed-');
  const json = JSON.parse(fs.readFileSync(path.join(stacks.owner, 'cdk.tf.json'), 'utf8'));
  const roles = json.resource.alicloud_ram_role as { [name: string]: { [attr: string]: unknown } };
  const role = Object.values(roles)[0];
  role.role_nam = role.role_name;
  delete role.role_name;
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(json));
  init(dir);
  const result = validate(dir);
  expect(result.valid).toBe(false);
  expect(result.diagnostics.map((d) => `${d.summary}: ${d.detail}`)).toEqual([
    expect.stringMatching(/^Extraneous JSON object property: No argument or block type is named "role_nam"/),
  ]);
});

test('a deprecated argument is a warning, which the checks above count', () => {
  const dir = tempDir('tf-deprecated-');
  const json = JSON.parse(fs.readFileSync(path.join(synthesized('.').owner, 'cdk.tf.json'), 'utf8'));
  const role = Object.values(json.resource.alicloud_ram_role as { [name: string]: { [attr: string]: unknown } })[0];
  role.name = role.role_name;
  delete role.role_name;
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(json));
  init(dir);
  const result = validate(dir);
  expect(result).toMatchObject({ valid: true, error_count: 0, warning_count: 1 });
  expect(result.diagnostics.map((d) => `${d.summary}: ${d.detail}`)).toEqual([
    'Argument is deprecated: alicloud_ram_role: "name" is deprecated in aliyun/alicloud 1.289.0.',
  ]);
});

test('with the registry provider, the stack validates, or init says the registry cannot be reached', () => {
  const dir = tempDir('tf-registry-stack-');
  fs.copyFileSync(path.join(synthesized('.').owner, 'cdk.tf.json'), path.join(dir, 'cdk.tf.json'));
  let reached = true;
  try {
    init(dir, undefined, true);
  } catch (e) {
    reached = false;
    expect((e as Error).message).toMatch(
      /^ALICLOUD_PROVIDER=registry: terraform init could not install aliyun\/alicloud from the Terraform registry/,
    );
  }
  if (reached) expect(validate(dir, true)).toMatchObject({ valid: true, error_count: 0, warning_count: 0 });
});
