// Validation of an Azure Container Registry service principal with the Azure SDK.
// Protocol and SDK behaviour: shared/reference/acr-protocol.md (cited as §n below).
import { createDefaultHttpClient, createPipelineFromOptions, createPipelineRequest } from '@azure/core-rest-pipeline';
import { ClientSecretCredential } from '@azure/identity';
import { ContainerRegistryClient } from '@azure/container-registry';
import type { ErrorInfo } from '../../common/errors';
import { isBuiltInAuthority } from '../../common/authority-hosts';
import type { ValidationResult } from '../../common/registry';
import { classifyNetwork, classifyRegistry, classifySignIn, type ClassifyContext } from './classify-error';
import { commonClientOptions } from './client-options';
import { DEFAULT_VALIDATION_TIMEOUT_MS, type Connection, type ConnectionValidator, type ValidateOptions } from './connection-validator';
import { RequestTracker } from './request-tracker';
import { StepRunner } from './step-runner';

/** The audience that works in every cloud and with "authentication-as-ARM" disabled (§2). */
const ACR_SCOPE = 'https://containerregistry.azure.net/.default';
const SAMPLE_SIZE = 5;

type Options = ReturnType<typeof commonClientOptions>;

export class AcrValidator implements ConnectionValidator {
  constructor(private readonly defaultTimeoutMs = DEFAULT_VALIDATION_TIMEOUT_MS) {}

  async validate(c: Connection, options: ValidateOptions = {}): Promise<ValidationResult> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const scrub = (text: string): string => (c.clientSecret ? text.split(c.clientSecret).join('[secret]') : text);
    const runner = new StepRunner(options.onStep, scrub);
    const controller = new AbortController();
    let reason: 'timeout' | 'cancel' | undefined;
    const stop = (why: 'timeout' | 'cancel'): void => {
      reason ??= why;
      controller.abort();
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onCancel = (): void => stop('cancel');
    if (options.signal?.aborted) stop('cancel');
    options.signal?.addEventListener('abort', onCancel, { once: true });

    // The SDK cannot abort every step (§9), so the answer is whichever comes first: the steps,
    // or the abort. Every request carries the signal, so none outlives the validation.
    const stopped = new Promise<ValidationResult>((resolve) => {
      const onAbort = (): void => resolve(runner.stop(reason ?? 'cancel', timeoutMs));
      if (controller.signal.aborted) onAbort();
      else controller.signal.addEventListener('abort', onAbort, { once: true });
    });
    const work = this.run(c, runner, commonClientOptions(controller.signal, c.caCertificate), controller.signal);
    work.catch(() => undefined);
    try {
      return await Promise.race([stopped, work]);
    } finally {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
      // Release requests still in flight; the runner is settled, so this changes no result.
      controller.abort();
    }
  }

  private async run(c: Connection, runner: StepRunner, opts: Options, signal: AbortSignal): Promise<ValidationResult> {
    const ctx: ClassifyContext = { step: 'reach', address: c.address, authorityHost: c.authorityHost, clientId: c.clientId, target: 'registry' };

    runner.start('reach');
    const reachError = await this.reach(c, opts, signal, ctx);
    if (signal.aborted) return never();
    if (reachError) return runner.fail(reachError);
    runner.pass(`Reached ${c.address} over a trusted TLS connection.`);

    runner.start('sign-in');
    let credential: ClientSecretCredential;
    try {
      credential = new ClientSecretCredential(c.tenantId, c.clientId, c.clientSecret, {
        authorityHost: c.authorityHost,
        // Without this MSAL first asks the public cloud about any other host (§3).
        disableInstanceDiscovery: !isBuiltInAuthority(c.authorityHost),
        ...opts,
      });
      await credential.getToken(ACR_SCOPE, { abortSignal: signal });
    } catch (err) {
      if (signal.aborted) return never();
      return runner.fail(await this.diagnoseSignIn(err, c, opts, signal, { ...ctx, step: 'sign-in' }));
    }
    runner.pass('Azure AD accepted the tenant, client ID and secret.');

    runner.start('authorize');
    const tracker = new RequestTracker(() => {
      runner.pass('The registry issued an access token to the service principal.');
      runner.start('read');
    });
    const client = new ContainerRegistryClient(c.address, credential, {
      ...opts,
      additionalPolicies: [...opts.additionalPolicies, { policy: tracker.policy(), position: 'perRetry' }],
    });
    try {
      const page = await client.listRepositoryNames().byPage({ maxPageSize: SAMPLE_SIZE }).next();
      if (signal.aborted) return never();
      const names = page.done ? [] : page.value;
      runner.pass(names.length ? `Read the repository list (${names.join(', ')}${names.length === SAMPLE_SIZE ? ', …' : ''}).` : 'Read the repository list (the registry is empty).');
      return runner.succeed(names.slice(0, SAMPLE_SIZE));
    } catch (err) {
      if (signal.aborted) return never();
      return runner.fail(classifyRegistry(err, { ...ctx, step: tracker.readSentAt ? 'read' : 'authorize' }));
    }
  }

  /**
   * DNS, TCP and TLS to the registry, through the same pipeline (proxy, CA, timeouts) the SDK
   * uses. An anonymous GET /v2/ must be answered as a registry: 401 with a challenge, or 200.
   */
  private async reach(c: Connection, opts: Options, signal: AbortSignal, ctx: ClassifyContext): Promise<ErrorInfo | undefined> {
    const host = new URL(c.address).host;
    try {
      const response = await this.get(`${c.address}/v2/`, opts, signal);
      if (response.status === 407) {
        return { code: 'UNREACHABLE', field: 'address', message: 'The proxy between this computer and the registry asks for authentication. Configure the proxy credentials (HTTPS_PROXY) and try again.' };
      }
      const looksLikeRegistry = (response.status === 401 && response.headers.get('www-authenticate')) || response.status === 200;
      if (!looksLikeRegistry) {
        return {
          code: 'NOT_A_REGISTRY',
          field: 'address',
          message: `${host} answered (HTTP ${response.status}), but not as a container registry. Check the address; if a proxy answers in its place, check the proxy settings.`,
        };
      }
      return undefined;
    } catch (err) {
      return classifyNetwork(err, ctx) ?? { code: 'UNREACHABLE', field: 'address', message: `${host} could not be reached: ${err instanceof Error ? err.message : String(err)}` };
    }
  }

  /**
   * MSAL reports every failure to load the authority's metadata as one opaque
   * endpoints_resolution_error (§3). Fetch the same document ourselves to say what went wrong.
   */
  private async diagnoseSignIn(err: unknown, c: Connection, opts: Options, signal: AbortSignal, ctx: ClassifyContext): Promise<ErrorInfo> {
    if (!(err instanceof Error && /endpoints_resolution_error/.test(err.message))) return classifySignIn(err, ctx);
    const url = `${c.authorityHost}/${encodeURIComponent(c.tenantId)}/v2.0/.well-known/openid-configuration`;
    try {
      const response = await this.get(url, opts, signal);
      if (response.status === 400 || response.status === 404) {
        return { code: 'UNKNOWN_TENANT', field: 'tenantId', message: `Azure AD at ${new URL(c.authorityHost).host} does not know the tenant "${c.tenantId}". Check the Tenant ID and the authority host (cloud).` };
      }
      return { code: 'UNREACHABLE', field: 'authorityHost', message: `The authority ${c.authorityHost} did not answer as Azure AD (HTTP ${response.status} for its OpenID metadata). Check the authority host.` };
    } catch (probeErr) {
      return (
        classifyNetwork(probeErr, { ...ctx, target: 'authority' }) ?? {
          code: 'UNREACHABLE',
          field: 'authorityHost',
          message: `The Azure AD authority ${c.authorityHost} could not be reached. Check the network, proxy, or the authority host setting.`,
        }
      );
    }
  }

  private get(url: string, opts: Options, signal: AbortSignal) {
    const pipeline = createPipelineFromOptions(opts);
    for (const p of opts.additionalPolicies) pipeline.addPolicy(p.policy, { afterPhase: 'Retry' });
    const request = createPipelineRequest({ url, method: 'GET', abortSignal: signal });
    return pipeline.sendRequest(createDefaultHttpClient(), request);
  }
}

/** After an abort the race has already answered; this value is never seen. */
function never(): ValidationResult {
  return { ok: false, steps: [] };
}
