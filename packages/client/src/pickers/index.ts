export {
  DepartmentPicker,
  DepartmentPickerOneDocument,
  type DepartmentPickerProps,
  DepartmentPickerSearchDocument,
} from './department-picker.js';
export {
  EnterprisePicker,
  EnterprisePickerOneDocument,
  type EnterprisePickerProps,
  EnterprisePickerSearchDocument,
} from './enterprise-picker.js';
export type {
  MultiplePickerProps,
  PickerOption,
  PickerSelectProps,
  PickerValueProps,
  SinglePickerProps,
} from './picker-select.js';
export { TownPicker, type TownPickerProps, TownPickerTownsDocument } from './town-picker.js';
