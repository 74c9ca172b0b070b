// Main's side of the IPC contract: one dispatcher that checks the sender and the input, calls
// the engine, and turns whatever happens into a Result. Electron would otherwise reduce a thrown
// error to "Error invoking remote method", losing the code the renderer needs.
import type { z } from 'zod';
import { FIELD_NAMES, type ErrorInfo } from '../common/errors';
import { toErrorInfo } from '../core/app-error';
import type { Engine } from '../core/engine';
import { CHANNELS, VALIDATION_PROGRESS, type AppInfo, type Channel, type ChannelResults, type Reply, type ValidationProgress } from './contract';
import { schemas } from './schemas';

export interface SenderInfo {
  /** URL of the frame that sent the message. */
  url: string | undefined;
  /** False for iframes: only our top-level page may call. */
  isMainFrame: boolean;
}

export interface DispatcherOptions {
  engine: Engine;
  appInfo: AppInfo;
  isTrustedSender: (sender: SenderInfo) => boolean;
  emit: (channel: typeof VALIDATION_PROGRESS, payload: ValidationProgress) => void;
  /** Logs unexpected errors in main; their details never cross IPC. */
  log?: (message: string, err: unknown) => void;
}

function inputError(error: z.ZodError): ErrorInfo {
  const issue = error.issues[0];
  const path = issue?.path.filter((p) => p !== 'patch') ?? [];
  const field = FIELD_NAMES.find((f) => f === path[0]);
  const where = path.length ? path.join('.') : 'input';
  return { code: 'INVALID_INPUT', message: `Invalid ${where}: ${issue?.message ?? 'malformed request'}.`, ...(field ? { field } : {}) };
}

type Handlers = { [C in Channel]: (input: z.output<(typeof schemas)[C]>) => Promise<ChannelResults[C]> | ChannelResults[C] };

export class IpcDispatcher {
  private readonly validations = new Map<string, AbortController>();
  private readonly handlers: Handlers;

  constructor(private readonly options: DispatcherOptions) {
    const { service } = options.engine;
    this.handlers = {
      'registries:list': () => service.list(),
      'registries:get': ({ id }) => service.get(id),
      'registries:validate': async ({ validationId, timeoutMs, ...input }) => {
        const controller = new AbortController();
        this.validations.set(validationId, controller);
        try {
          return await service.validate(input, {
            signal: controller.signal,
            onStep: (event) => options.emit(VALIDATION_PROGRESS, { validationId, event }),
            ...(timeoutMs ? { timeoutMs } : {}),
          });
        } finally {
          this.validations.delete(validationId);
        }
      },
      'registries:cancelValidation': ({ validationId }) => {
        const controller = this.validations.get(validationId);
        controller?.abort();
        return controller !== undefined;
      },
      'registries:create': (input) => service.create(input),
      'registries:update': ({ id, patch }) => service.update(id, patch),
      'registries:delete': async ({ id }) => {
        await service.delete(id);
        return true as const;
      },
      'registries:setDefault': ({ id }) => service.setDefault(id),
      'app:info': () => options.appInfo,
    };
  }

  readonly channels: readonly Channel[] = CHANNELS;

  async dispatch(channel: string, input: unknown, sender: SenderInfo): Promise<Reply<Channel>> {
    if (!this.options.isTrustedSender(sender)) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This request did not come from the Nexus Registries window and was refused.' } };
    }
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      return { ok: false, error: { code: 'INVALID_INPUT', message: `Unknown request "${channel}".` } };
    }
    const c = channel as Channel;
    const parsed = schemas[c].safeParse(input);
    if (!parsed.success) return { ok: false, error: inputError(parsed.error) };
    try {
      const handler = this.handlers[c] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: (await handler(parsed.data)) as ChannelResults[Channel] };
    } catch (err) {
      const info = toErrorInfo(err);
      if (info.code === 'INTERNAL') this.options.log?.(`IPC ${channel} failed`, err);
      return { ok: false, error: info };
    }
  }

  /** Cancel every validation in flight (window closing). */
  cancelAll(): void {
    for (const c of this.validations.values()) c.abort();
  }
}
