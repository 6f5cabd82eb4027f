// The web app's module list. Add one line per module (its screens live in src/web/modules/<name>/).
import { identityScreens } from './identity/index.tsx';
import { reportsScreens } from './reports/index.tsx';
import type { ModuleScreens } from './types.ts';
import { votersScreens } from './voters/index.tsx';

export const moduleScreens: ModuleScreens[] = [identityScreens, votersScreens, reportsScreens];
