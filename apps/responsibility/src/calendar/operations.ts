import { graphql } from '../gql/index.js';

export const WorkCalendarDocument = graphql(`
  query WorkCalendar($from: LocalDate!, $to: LocalDate!) {
    workCalendar(from: $from, to: $to) {
      date
      isWorkingDay
      holidayName
      isMakeUpWorkday
    }
  }
`);
