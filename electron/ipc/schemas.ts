// The zod schemas main checks every IPC input with. Main-only: the preload and the renderer
// never load zod (a sandboxed preload can require nothing but electron).
import { z } from 'zod';
import { REGISTRY_TYPES } from '../common/registry';
import type { Channel } from './contract';

// Shapes only: lengths bound what crosses the boundary; the engine applies the field rules and
// answers with messages that name the field.
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(200);
const connection = {
  type: z.enum(REGISTRY_TYPES),
  address: text(2048),
  tenantId: text(256),
  clientId: text(256),
  authorityHost: text(2048).optional(),
  caCertificate: text(64 * 1024).nullable().optional(),
};

export const schemas = {
  'registries:list': z.undefined(),
  'registries:get': z.object({ id }).strict(),
  'registries:validate': z
    .object({ validationId: z.uuid(), ...connection, registryId: id.optional(), clientSecret: text(1024).optional(), timeoutMs: z.number().int().min(1000).max(300_000).optional() })
    .strict(),
  'registries:cancelValidation': z.object({ validationId: z.uuid() }).strict(),
  'registries:create': z.object({ name: text(256), ...connection, clientSecret: text(1024) }).strict(),
  'registries:update': z
    .object({
      id,
      patch: z
        .object({
          name: text(256).optional(),
          address: text(2048).optional(),
          tenantId: text(256).optional(),
          clientId: text(256).optional(),
          clientSecret: text(1024).optional(),
          authorityHost: text(2048).optional(),
          caCertificate: text(64 * 1024).nullable().optional(),
        })
        .strict(),
    })
    .strict(),
  'registries:delete': z.object({ id }).strict(),
  'registries:setDefault': z.object({ id }).strict(),
  'app:info': z.undefined(),
} as const satisfies Record<Channel, z.ZodType>;

