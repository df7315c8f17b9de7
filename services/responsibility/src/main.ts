import { runSubgraph } from '@safety/subgraph-kit';
import { responsibilitySubgraph } from './subgraph.js';

await runSubgraph(responsibilitySubgraph);
