import { graphql } from '../gql/index.js';

export const CertificateListDocument = graphql(`
  query CertificateList(
    $first: Int!
    $after: String
    $status: CertificateStatus
    $category: CertificateCategory
  ) {
    certificates(first: $first, after: $after, status: $status, category: $category) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        holderName
        idNumberMasked
        category
        operationType
        number
        validTo
        nextReviewDue
        status
        enterprise {
          id
          name
        }
      }
    }
  }
`);
