/** Synthesized output that cannot be analysed; the message names the file and the problem on one line. */
export class AnalysisInputError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'AnalysisInputError';
  }
}
