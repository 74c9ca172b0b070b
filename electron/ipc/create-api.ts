// createApi(transport) builds window.nexus. One pure function, used by the preload (transport =
// ipcRenderer) and by the browser tests (transport = a Playwright binding into the real
// handlers), so the tests exercise the same API object users get.
import type { CreateRegistryInput, StepEvent, UpdateRegistryInput, ValidateConnectionInput } from '../common/registry';
import type { Channel, Reply, Transport, ValidationProgress } from './contract';
import { VALIDATION_PROGRESS } from './contract';

export interface NexusApi {
  registries: {
    list(): Promise<Reply<'registries:list'>>;
    get(id: string): Promise<Reply<'registries:get'>>;
    /** Steps arrive through onStep while the validation runs; cancel with the same validationId. */
    validate(input: ValidateConnectionInput & { validationId: string }, onStep?: (e: StepEvent) => void): Promise<Reply<'registries:validate'>>;
    cancelValidation(validationId: string): Promise<Reply<'registries:cancelValidation'>>;
    create(input: CreateRegistryInput): Promise<Reply<'registries:create'>>;
    update(id: string, patch: UpdateRegistryInput): Promise<Reply<'registries:update'>>;
    delete(id: string): Promise<Reply<'registries:delete'>>;
    setDefault(id: string): Promise<Reply<'registries:setDefault'>>;
  };
  app: {
    info(): Promise<Reply<'app:info'>>;
  };
}

export function createApi(transport: Transport): NexusApi {
  const call = <C extends Channel>(channel: C, input?: unknown): Promise<Reply<C>> =>
    transport.invoke(channel, input).then(
      (reply) => reply as Reply<C>,
      // The transport itself failed (main gone, binding closed): still a Result, never a throw.
      () => ({ ok: false, error: { code: 'INTERNAL', message: 'The app lost contact with its engine. Restart Nexus Registries.' } }) as Reply<C>,
    );
  return {
    registries: {
      list: () => call('registries:list'),
      get: (id) => call('registries:get', { id }),
      validate: async (input, onStep) => {
        const off = onStep
          ? transport.on(VALIDATION_PROGRESS, (p: ValidationProgress) => {
              if (p.validationId === input.validationId) onStep(p.event);
            })
          : undefined;
        try {
          return await call('registries:validate', input);
        } finally {
          off?.();
        }
      },
      cancelValidation: (validationId) => call('registries:cancelValidation', { validationId }),
      create: (input) => call('registries:create', input),
      update: (id, patch) => call('registries:update', { id, patch }),
      delete: (id) => call('registries:delete', { id }),
      setDefault: (id) => call('registries:setDefault', { id }),
    },
    app: {
      info: () => call('app:info'),
    },
  };
}
