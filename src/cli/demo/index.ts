// Demo data sets, one per module. `caucus seed --demo` runs them in this order. A module adds its own demo data
// by writing src/cli/demo/<module>.ts exporting a DemoSet and listing it here; its reference tables (rows the
// migrations insert, which are not anyone's data) go in referenceTables so they do not count as real data.
import type { AppDeps } from '../../modules/module.ts';
import { identityDemo } from './identity.ts';

export interface DemoSet {
  name: string;
  /** How many times load() calls step(): the progress bar's share of this set. */
  steps: number;
  /** Loads the set, skipping what is already there; returns lines to show the operator. */
  load(deps: AppDeps, step: () => void): Promise<string[]>;
}

export const demoSets: DemoSet[] = [identityDemo];

/** Tables whose rows come from migrations (lookup lists), by schema-qualified name. */
export const referenceTables = new Set<string>(['reports.categories']);

/** Schemas whose every row (outside referenceTables) is somebody's data. */
export const dataSchemas = ['voters', 'reports'];
