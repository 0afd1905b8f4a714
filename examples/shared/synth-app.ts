import { App } from 'cdktf';
import { isValidationError } from '../../lib/policy/private/validation-error';

/** cdktf's own wording when a construct's validation (`node.addValidation`) fails during `app.synth()`. */
const CDKTF_VALIDATION_FAILED = 'Validation failed with the following errors';

/** Where an entry point reports: standard error and the exit code. */
export interface EntryPointOutput {
  err(text: string): void;
  exit(code: number): void;
}

const processOutput: EntryPointOutput = {
  err: (text) => process.stderr.write(`${text}\n`),
  exit: (code) => {
    process.exitCode = code;
  },
};

/**
 * The entry point of an example app: builds it and synthesizes it. Bad input (a malformed variable, an
 * invalid construct property, a failed construct validation) prints its message alone, which names the
 * variable or the construct path, the value and the rule, with no stack trace, and exits 1. Any other
 * error is a bug and keeps its stack trace.
 */
export function synthApp(build: (app: App) => void, output: EntryPointOutput = processOutput): void {
  try {
    const app = new App();
    build(app);
    app.synth();
  } catch (e) {
    if (isValidationError(e) || (e instanceof Error && e.message.startsWith(CDKTF_VALIDATION_FAILED))) {
      output.err((e as Error).message);
      output.exit(1);
      return;
    }
    throw e;
  }
}
