#!/usr/bin/env node
// The `mutualis` command: loads the TypeScript entry point through tsx (no build step; loaders.mjs).
import './loaders.mjs';

const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2), process.env);
