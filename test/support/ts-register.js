// For the child processes tests spawn on TypeScript sources (`node -r ./test/support/ts-register.js src/main.ts`):
// ts-node with SWC, which transpiles without type checking (`npm run check` type-checks) and keeps tsconfig's
// decorator settings; several times faster to start than ts-node's own TypeScript transpiler.
require('ts-node').register({ swc: true });
