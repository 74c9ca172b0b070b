import type { ValidationResult } from '../../common/registry';
import type { Connection, ConnectionValidator, ValidateOptions } from './connection-validator';

/**
 * Loads the Azure SDK on the first validation only, so that `list`, `show` and the app's first
 * paint do not pay for it (DESIGN.md "Cost shape").
 */
export class LazyAcrValidator implements ConnectionValidator {
  private loaded?: Promise<ConnectionValidator>;

  validate(connection: Connection, options?: ValidateOptions): Promise<ValidationResult> {
    this.loaded ??= import('./acr-validator').then((m) => new m.AcrValidator());
    return this.loaded.then((v) => v.validate(connection, options));
  }
}
