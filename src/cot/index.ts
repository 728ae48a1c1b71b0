// Public surface of the chain-of-thought parser.
export { parseChainOfThought } from './parse.js';
