import { useMutation } from '@apollo/client/react';
import { useT } from '@safety/ui';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { LoginDocument } from '../operations.js';
import type { Session } from '../session.js';
import { useSessionStore } from '../session-context.js';
import { signInErrorMessage } from './sign-in-error.js';

interface Credentials {
  username: string;
  password: string;
}

export interface SignInFormProps {
  /** Called after the session is stored. */
  onSignedIn?: (session: Session) => void;
}

/** The sign-in form every app uses (architecture §6a): stores the session returned by `login`. */
export function SignInForm({ onSignedIn }: SignInFormProps) {
  const store = useSessionStore();
  const [login, { loading }] = useMutation(LoginDocument);
  const [error, setError] = useState<string | null>(null);
  const t = useT();

  const submit = async ({ username, password }: Credentials) => {
    setError(null);
    try {
      const { data } = await login({ variables: { username, password } });
      if (!data) return;
      store.set(data.login);
      onSignedIn?.(data.login);
    } catch (failure) {
      setError(signInErrorMessage(failure, t));
    }
  };

  return (
    <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} style={{ maxWidth: 360 }}>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} /> : null}
      <Form.Item
        label={t('signIn.username')}
        name="username"
        rules={[{ required: true, message: t('signIn.usernameRequired') }]}
      >
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        label={t('signIn.password')}
        name="password"
        rules={[{ required: true, message: t('signIn.passwordRequired') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={loading} block autoInsertSpace={false}>
        {t('signIn.submit')}
      </Button>
    </Form>
  );
}
