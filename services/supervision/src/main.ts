import { runSubgraph } from '@safety/subgraph-kit';
import { supervisionSubgraph } from './subgraph.js';

await runSubgraph(supervisionSubgraph);
