#!/usr/bin/env node
// Thin shim: all logic lives in the compiled CLI (npm install runs the build through `prepare`).
import { main } from '../dist/cli.js';

main(process.argv);
