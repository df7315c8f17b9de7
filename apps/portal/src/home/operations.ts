import { graphql } from '../gql/index.js';

/** The county overview: one aggregate from each of four subgraphs, in one request through the gateway. */
export const CountyOverviewDocument = graphql(`
  query CountyOverview {
    enterpriseCountsByClass {
      supervisionClass
      count
    }
    hazardCountsByGrade {
      grade
      count
    }
    certificateCountsByStatus {
      status
      count
    }
    emergencyPlanCountsByStatus {
      status
      count
    }
  }
`);
