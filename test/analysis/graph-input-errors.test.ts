import { AccessGraph } from '../../lib/analysis';
import { accountJson, handWrittenOut } from '../support/hand-written';
import { errorOf, OWNER } from '../support/ids';
import { MALFORMED_STACKS } from './support/malformed-stacks';

// Each malformed stack file, read by AccessGraph alone (input-untrusted.test.ts runs the same through the CLI,
// which loads cdktf and so is not in the mutation selection): one message, the file's name, the JSON path.

const file = (dir: string) => `${dir}/stacks/a/cdk.tf.json`;

test.each(MALFORMED_STACKS)('%s', (_, json, problem) => {
  const dir = handWrittenOut({ a: { ...accountJson(OWNER, {}), ...json } });
  const message = errorOf(() => AccessGraph.fromSynthOutput(dir));
  expect(message).toBe(`${file(dir)}: ${problem}`);
  expect(message.split('\n')).toHaveLength(1);
});
