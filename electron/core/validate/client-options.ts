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

/**
 * Ties every HTTP request of a validation to the validation's abort signal, which the validator
 * aborts at its deadline, on cancel, and when it returns. Needed on *both* clients: the SDK does
 * not pass the caller's signal into the sign-in and token calls (reference §9). No per-request
 * `timeout` is set: the signal already bounds each request, and the SDK's Node client leaves a
 * request's timeout timer armed after a failure (@typespec/ts-http-runtime nodeHttpClient
 * clears it only on success), which kept processes alive until the deadline.
 */
export function deadlinePolicy(signal: AbortSignal): PipelinePolicy {
  return {
    name: 'nexusDeadlinePolicy',
    sendRequest(request, next) {
      request.abortSignal = request.abortSignal ? AbortSignal.any([signal, request.abortSignal as AbortSignal]) : signal;
      return next(request);
    },
  };
}

/** One retry at most: the defaults turn an unreachable host into 5–6 s of silence. */
export const RETRY_OPTIONS = { maxRetries: 1, retryDelayInMs: 300, maxRetryDelayInMs: 1000 } as const;

/** Options shared by the credential, the registry client and our own probes. */
export function commonClientOptions(signal: AbortSignal, extraPem: string | null) {
  const ca = trustedCas(extraPem);
  return {
    retryOptions: RETRY_OPTIONS,
    additionalPolicies: [{ policy: deadlinePolicy(signal), position: 'perRetry' as const }],
    ...(ca ? { tlsOptions: { ca } } : {}),
  };
}
