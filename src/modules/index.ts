// The module list: each module's routes and jobs. Add a module here and nowhere else.
import { identityModule } from './identity/index.ts';
import { mailModule } from './mail/index.ts';
import type { Module } from './module.ts';
import { open311Module } from './open311/index.ts';
import { osdiModule } from './osdi/index.ts';
import { reportsModule } from './reports/index.ts';
import { votersModule } from './voters/index.ts';

export const modules: Module[] = [identityModule, mailModule, reportsModule, votersModule, open311Module, osdiModule];

export const jobDefinitions = modules.flatMap((m) => m.jobs ?? []);
