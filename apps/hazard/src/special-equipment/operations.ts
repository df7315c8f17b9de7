import { graphql } from '../gql/index.js';

export const SpecialEquipmentListDocument = graphql(`
  query SpecialEquipmentList(
    $first: Int!
    $after: String
    $category: SpecialEquipmentCategory
    $overdue: Boolean
    $sealed: Boolean
    $enterpriseId: ID
  ) {
    specialEquipment(
      first: $first
      after: $after
      category: $category
      overdue: $overdue
      sealed: $sealed
      enterpriseId: $enterpriseId
    ) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SpecialEquipmentFields
      }
    }
  }
`);

/** One unit as the register row and every action's answer show it. */
export const SpecialEquipmentFields = graphql(`
  fragment SpecialEquipmentFields on SpecialEquipment {
    id
    version
    enterpriseId
    category
    registrationNo
    name
    location
    lastInspectionAt
    nextInspectionDue
    dueDefaulted
    inspectionResult
    sealed
    inspectionOverdue
    overdueHazardId
    overdueHazard {
      id
      code
      status
    }
    holderName
    holderTownshipCode
  }
`);

/** The enterprises offered by the register's enterprise filter (the caller's scope). */
export const EquipmentEnterprisesDocument = graphql(`
  query EquipmentEnterprises {
    enterprises(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

export const RegisterSpecialEquipmentDocument = graphql(`
  mutation RegisterSpecialEquipment($input: RegisterSpecialEquipmentInput!) {
    registerSpecialEquipment(input: $input) {
      ...SpecialEquipmentFields
    }
  }
`);

export const RecordEquipmentInspectionDocument = graphql(`
  mutation RecordEquipmentInspection($input: RecordEquipmentInspectionInput!) {
    recordEquipmentInspection(input: $input) {
      ...SpecialEquipmentFields
    }
  }
`);

export const SetSpecialEquipmentSealedDocument = graphql(`
  mutation SetSpecialEquipmentSealed($input: SetSpecialEquipmentSealedInput!) {
    setSpecialEquipmentSealed(input: $input) {
      ...SpecialEquipmentFields
    }
  }
`);
