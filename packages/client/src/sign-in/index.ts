export { signInErrorMessage } from './sign-in-error.js';
export { SignInForm, type SignInFormProps } from './sign-in-form.js';
