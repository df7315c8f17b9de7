import { runSubgraph } from '@safety/subgraph-kit';
import { hazardSubgraph } from './subgraph.js';

await runSubgraph(hazardSubgraph);
