/** A bad Action input; `input` names it as action.yml does (`batch-size`, not `--batch-size`). */
export class ActionInputError extends Error {
  override name = 'ActionInputError';

  constructor(
    readonly input: string,
    problem: string,
  ) {
    super(`Input '${input}': ${problem}`);
  }
}
