/** A fault waiting for matching requests. */
export interface Fault {
  left: number;
  action: { kind: 'status'; status: number } | { kind: 'reset' };
  match?: string | RegExp;
}

/** Faults to inject, in the order they were asked for. */
export class FaultQueue {
  private readonly faults: Fault[] = [];
  latencyMs = 0;

  add(fault: Fault): void {
    if (fault.left > 0) this.faults.push(fault);
  }

  /** Takes the fault that applies to `METHOD /path`, if any, using up one of its repeats. */
  take(request: string): Fault['action'] | null {
    const index = this.faults.findIndex(({ match }) =>
      match === undefined
        ? true
        : typeof match === 'string'
          ? request.includes(match)
          : match.test(request),
    );
    if (index < 0) return null;
    const fault = this.faults[index];
    fault.left -= 1;
    if (fault.left === 0) this.faults.splice(index, 1);
    return fault.action;
  }
}
