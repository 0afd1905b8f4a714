// The one module through which lib/ imports its CDK framework. The sources name cdktf; the cdktn
// flavour (`npm run package`, scripts/flavour.js) is built from a copy of lib/ in which only this
// file's module names are swapped to cdktn, with bindings from cdktn's own generator. No other file
// of lib/ may import cdktf (test/package/framework-imports.test.ts).
export {
  Annotations,
  App,
  Aspects,
  Fn,
  IResolvable,
  IResolveContext,
  ISynthesisSession,
  ITerraformDependable,
  Lazy,
  LocalBackend,
  Op,
  OssBackend,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformProvider,
  TerraformResource,
  TerraformStack,
  Token,
} from 'cdktf';
// The framework renders `dependsOn` through this helper (a bare address, as depends_on requires)
// but does not export it from its index.
export { dependable } from 'cdktf/lib/tfExpression';
// Lets a construct write a file next to its stack's cdk.tf.json when the stack is synthesized; the
// framework calls it from its stack synthesizer but does not export it from its index either.
export { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';
