import type { ErrorInfo } from '../../common/errors';
import type { StepEvent, ValidationResult, ValidationStep, ValidationStepName } from '../../common/registry';

const STEP_LABELS: Record<ValidationStepName, string> = {
  reach: 'reaching the registry',
  'sign-in': 'signing in to Azure AD',
  authorize: 'getting a registry token',
  read: 'reading the repository list',
};

/** Times the steps of one validation and reports each as it starts and ends. */
export class StepRunner {
  readonly steps: ValidationStep[] = [];
  private current: { step: ValidationStepName; startedAt: number } | undefined;
  /** The result once given; later calls (a late abort, a late SDK error) return it unchanged. */
  private settled: ValidationResult | undefined;

  constructor(
    private readonly onStep: ((e: StepEvent) => void) | undefined,
    /** Applied to every message: a secret must never appear in one, whatever a server echoes. */
    private readonly scrub: (text: string) => string,
  ) {}

  get running(): ValidationStepName | undefined {
    return this.current?.step;
  }

  start(step: ValidationStepName): void {
    if (this.settled) return;
    this.current = { step, startedAt: Date.now() };
    this.onStep?.({ step, state: 'running' });
  }

  pass(message: string): void {
    this.finish(true, message);
  }

  succeed(repositoriesSample: string[]): ValidationResult {
    return (this.settled ??= { ok: true, steps: this.steps, repositoriesSample });
  }

  /** Ends the running step as failed and returns the result to give back. */
  fail(error: ErrorInfo): ValidationResult {
    if (this.settled) return this.settled;
    const clean: ErrorInfo = { ...error, message: this.scrub(error.message) };
    this.finish(false, clean.message);
    return (this.settled = { ok: false, steps: this.steps, error: clean });
  }

  /** The deadline passed or the user cancelled: fail whichever step was running. */
  stop(reason: 'timeout' | 'cancel', timeoutMs: number): ValidationResult {
    if (this.settled) return this.settled;
    const step = this.current?.step ?? 'reach';
    if (!this.current) this.start(step);
    if (reason === 'cancel') return this.fail({ code: 'CANCELLED', message: 'Validation was cancelled.' });
    const field = step === 'sign-in' ? 'authorityHost' : 'address';
    return this.fail({
      code: 'TIMEOUT',
      field,
      message: `No answer within ${Math.round(timeoutMs / 1000)} s while ${STEP_LABELS[step]}. Check the network, VPN or proxy, and try again.`,
    });
  }

  private finish(ok: boolean, message: string): void {
    if (!this.current || this.settled) return;
    const result: ValidationStep = { step: this.current.step, ok, message: this.scrub(message), durationMs: Date.now() - this.current.startedAt };
    this.steps.push(result);
    this.current = undefined;
    this.onStep?.({ step: result.step, state: 'done', result });
  }
}
