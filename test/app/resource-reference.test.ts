import { App, TerraformStack } from 'cdktf';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { alicloud } from '../../lib';
import { attributeReference, dependencyOn } from '../../lib/private/resource-reference';

// The untraced references (lib/private/resource-reference.ts) must synthesize exactly what cdktf's
// own references do: in the same stack, from another stack (cdktf's cross-stack outputs and remote
// state) and in depends_on. Each case builds one app with cdktf's references and one with ours.

type Refs = 'cdktf' | 'untraced';

function synthesized(build: (app: App, refs: Refs) => void, refs: Refs): { [file: string]: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'refs-'));
  try {
    const app = new App({ outdir });
    build(app, refs);
    app.synth();
    const files: { [file: string]: string } = {};
    for (const entry of fs.readdirSync(outdir, { withFileTypes: true, recursive: true })) {
      if (entry.name === 'cdk.tf.json') {
        const full = path.join(entry.parentPath, entry.name);
        files[path.relative(outdir, full)] = fs.readFileSync(full, 'utf8');
      }
    }
    return files;
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function roleIn(stack: TerraformStack): alicloud.ramRole.RamRole {
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  return new alicloud.ramRole.RamRole(stack, 'role', { roleName: 'partner-writer', assumeRolePolicyDocument: '{}' });
}

function attachTo(stack: TerraformStack, role: alicloud.ramRole.RamRole, refs: Refs, dependOnRole = false): void {
  const attachment = new alicloud.ramRolePolicyAttachment.RamRolePolicyAttachment(stack, 'attachment', {
    roleName: refs === 'cdktf' ? role.roleName : attributeReference(role, 'role_name'),
    policyName: `Aliyun-${refs === 'cdktf' ? role.arn : attributeReference(role, 'arn')}`,
    policyType: 'System',
    dependsOn: dependOnRole && refs === 'cdktf' ? [role] : undefined,
  });
  if (dependOnRole && refs === 'untraced') attachment.dependsOn = [dependencyOn(role)];
}

describe('untraced resource references', () => {
  test('in the same stack: the attribute, inside a string, and depends_on', () => {
    const build = (app: App, refs: Refs) => {
      const stack = new TerraformStack(app, 'owner');
      attachTo(stack, roleIn(stack), refs, true);
    };
    const ours = synthesized(build, 'untraced');
    expect(ours).toEqual(synthesized(build, 'cdktf'));
    const attachment = JSON.parse(ours['stacks/owner/cdk.tf.json']).resource.alicloud_ram_role_policy_attachment
      .attachment;
    expect(attachment).toMatchObject({
      role_name: '${alicloud_ram_role.role.role_name}',
      policy_name: 'Aliyun-${alicloud_ram_role.role.arn}',
      depends_on: ['alicloud_ram_role.role'],
    });
  });

  test('from another stack: handed over to cdktf, which writes its cross-stack output and remote state', () => {
    const build = (app: App, refs: Refs) => {
      const role = roleIn(new TerraformStack(app, 'owner'));
      const other = new TerraformStack(app, 'other');
      new alicloud.provider.AlicloudProvider(other, 'alicloud', { region: 'cn-hangzhou' });
      attachTo(other, role, refs);
    };
    const ours = synthesized(build, 'untraced');
    expect(ours).toEqual(synthesized(build, 'cdktf'));
    expect(ours['stacks/owner/cdk.tf.json']).toContain('"output"');
  });
});
