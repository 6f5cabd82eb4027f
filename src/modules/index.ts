// The module list: each module's routes and jobs. Add a module here and nowhere else.
import { identityModule } from './identity/index.ts';
import { mailModule } from './mail/index.ts';
import type { Module } from './module.ts';

export const modules: Module[] = [identityModule, mailModule];

export const jobDefinitions = modules.flatMap((m) => m.jobs ?? []);
