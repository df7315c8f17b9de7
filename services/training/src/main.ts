import { runSubgraph } from '@safety/subgraph-kit';
import { trainingSubgraph } from './subgraph.js';

await runSubgraph(trainingSubgraph);
