import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';

/**
 * Trusted CAs for one validation. Node's `ca` option *replaces* the bundled roots, so the
 * public roots (and NODE_EXTRA_CA_CERTS, which Node would otherwise add) are kept alongside
 * the registry's own CA. Undefined means "Node's defaults".
 */
export function trustedCas(extraPem: string | null, env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  if (!extraPem) return undefined;
  const cas = [...rootCertificates, extraPem];
  const extraFile = env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    try {
      cas.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // Node itself only warns about an unreadable NODE_EXTRA_CA_CERTS; do the same.
    }
  }
  return cas;
}

const DEADLINE_GRACE_MS = 250;

/**
 * Bounds every HTTP request of a validation by what remains of its deadline, and ties it to the
 * validation's abort signal. Both are needed on *both* clients: the SDK does not pass the caller's
 * signal into the sign-in and token calls, and nothing has a default timeout (reference §9).
 * Runs per retry so each attempt gets the time that is left, not the time there was.
 */
export function deadlinePolicy(deadline: number, signal: AbortSignal): PipelinePolicy {
  return {
    name: 'nexusDeadlinePolicy',
    sendRequest(request, next) {
      // A little past the deadline, so that the validation's own deadline (which names the
      // step) always fires before a request's timeout (which only says "aborted").
      request.timeout = Math.max(1, deadline - Date.now() + DEADLINE_GRACE_MS);
      request.abortSignal = request.abortSignal ? AbortSignal.any([signal, request.abortSignal as AbortSignal]) : signal;
      return next(request);
    },
  };
}

/** One retry at most: the defaults turn an unreachable host into 5–6 s of silence. */
export const RETRY_OPTIONS = { maxRetries: 1, retryDelayInMs: 300, maxRetryDelayInMs: 1000 } as const;

/** Options shared by the credential, the registry client and our own probes. */
export function commonClientOptions(deadline: number, signal: AbortSignal, extraPem: string | null) {
  const ca = trustedCas(extraPem);
  return {
    retryOptions: RETRY_OPTIONS,
    additionalPolicies: [{ policy: deadlinePolicy(deadline, signal), position: 'perRetry' as const }],
    ...(ca ? { tlsOptions: { ca } } : {}),
  };
}
