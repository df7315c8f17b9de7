import { ApolloProvider } from '@apollo/client/react';
import { FileUpload, SafetyProvider, type StoredFile } from '@safety/ui';
import { beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createSafetyClient } from '../src/create-client.js';
import { filesUrlOf, fileTransportOf, useFileTransport } from '../src/files/index.js';
import { LoginDocument } from '../src/operations.js';
import { createSessionStore } from '../src/session.js';

const DEMO_PASSWORD = 'Minqin@2026';
const uri = inject('gatewayUrl');

/** A 1×1 PNG; `variant` changes a pixel so each test stores new bytes. */
function png(variant: number): Uint8Array<ArrayBuffer> {
  const base = Uint8Array.from(
    atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
    (c) => c.charCodeAt(0),
  );
  // Appended bytes after IEND keep the PNG signature (the server judges by content) but change the hash.
  return new Uint8Array([...base, variant]);
}

const sha256 = async (bytes: Uint8Array<ArrayBuffer>) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

async function signedIn(username = 'ent.chem1.manager.demo') {
  const session = createSessionStore();
  const client = createSafetyClient({ uri, clientName: 'client-test', clientVersion: '0.0.0', session });
  const { data } = await client.mutate({
    mutation: LoginDocument,
    variables: { username, password: DEMO_PASSWORD },
  });
  session.set(data!.login);
  return { client, session };
}

function Evidence(props: {
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  readOnly?: boolean;
}) {
  return <FileUpload transport={useFileTransport()} aria-label="整改前照片" {...props} />;
}

beforeEach(() => localStorage.clear());

describe('files through the real gateway', () => {
  it('finds /files next to /graphql', () => {
    expect(filesUrlOf('/graphql', 'http://127.0.0.1:5000/apps/hazard/')).toBe('http://127.0.0.1:5000/files');
    expect(filesUrlOf('http://127.0.0.1:4000/graphql')).toBe('http://127.0.0.1:4000/files');
  });

  it('uploads a photo picked in the component and shows it again from its stored id', async () => {
    const { client } = await signedIn();
    const bytes = png(1);
    const onChange = vi.fn();
    const screen = await render(
      <SafetyProvider>
        <ApolloProvider client={client}>
          <Evidence onChange={onChange} />
        </ApolloProvider>
      </SafetyProvider>,
    );
    const input = screen.container.querySelector<HTMLInputElement>('input[type="file"]')!;
    await userEvent.upload(input, new File([bytes], '配电箱.png', { type: 'image/png' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 10_000 });
    const [stored] = onChange.mock.lastCall![0] as StoredFile[];
    expect(stored).toEqual({
      id: await sha256(bytes),
      contentType: 'image/png',
      size: bytes.byteLength,
      name: '配电箱.png',
    });

    // Another user's page shows it from the id alone: downloaded with that user's token.
    const other = await signedIn('saco.demo');
    const shown = await render(
      <SafetyProvider>
        <ApolloProvider client={other.client}>
          <Evidence value={[{ id: stored!.id }]} readOnly />
        </ApolloProvider>
      </SafetyProvider>,
    );
    await vi.waitFor(
      () =>
        expect(shown.container.querySelector('.ant-upload-list-item img')?.getAttribute('src')).toMatch(
          /^blob:/,
        ),
      { timeout: 10_000 },
    );
    const src = shown.container.querySelector('.ant-upload-list-item img')!.getAttribute('src')!;
    expect(new Uint8Array(await (await fetch(src)).arrayBuffer())).toEqual(bytes);
  });

  it('refreshes a refused token once, shared with GraphQL, and reports what the gateway refused', async () => {
    const { client, session } = await signedIn();
    const current = session.get()!;
    session.set({ ...current, accessToken: 'garbage.access.token' });
    const transport = fileTransportOf(client);
    const stored = await transport.upload(new File([png(2)], 'a.png', { type: 'image/png' }));
    expect(stored.id).toBe(await sha256(png(2)));
    expect(session.get()!.accessToken).not.toBe('garbage.access.token');

    // Not an allowed type by content, whatever the name and declared type say.
    await expect(
      transport.upload(new File(['MZ this is not a picture'], 'b.png', { type: 'image/png' })),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE' });
    await expect(transport.objectUrl('0'.repeat(64))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
