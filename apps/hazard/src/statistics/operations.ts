import { graphql } from '../gql/index.js';

/** H-7 (domain §5.6): the form generated from the records. */
export const HazardStatisticsDocument = graphql(`
  query HazardStatistics($enterpriseId: ID!, $year: Int!, $quarter: Int) {
    hazardStatistics(enterpriseId: $enterpriseId, year: $year, quarter: $quarter) {
      enterpriseId
      year
      quarter
      periodStart
      periodEnd
      dueDate
      found
      fixed
      open
      overdue
      majorListed
      lines {
        grade
        found
        fixed
        open
        overdue
        listed
        rectificationRate
      }
    }
  }
`);

export const StatisticsEnterpriseDocument = graphql(`
  query StatisticsEnterprise($id: ID!) {
    enterprise(id: $id) {
      id
      name
      townshipName
    }
  }
`);
