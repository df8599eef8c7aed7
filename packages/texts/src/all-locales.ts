// Registers every locale the build compiled. `@protocodes/texts` imports this, so servers and
// build tools have every language at hand; `@protocodes/texts/lazy` does not.
import { allBundles } from './generated/all-bundles.js';
import { registerLocale } from './runtime.js';

for (const content of allBundles) registerLocale(content);
