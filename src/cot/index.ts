// Public surface of the chain-of-thought parser.
export { parseChainOfThought } from './parse.js';
export { candidateNounOf } from './nouns.js';
