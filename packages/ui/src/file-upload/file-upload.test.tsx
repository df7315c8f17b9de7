import { describe, expect, test, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderWithSafety } from '../test-utils/render.js';
import { type FileTransport, FileUpload, type StoredFile } from './file-upload.js';

/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

const sha256 = async (bytes: ArrayBuffer) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

/**
 * A content-addressed store in the page, with the gateway's contract (ids are SHA-256, the type
 * judged by content): the component under test talks to it exactly as to the gateway's /files.
 */
function memoryStore(refuse?: string) {
  const files = new Map<string, Blob>();
  const transport: FileTransport = {
    upload: vi.fn(async (file: File) => {
      if (refuse) throw new Error(refuse);
      const bytes = await file.arrayBuffer();
      const id = await sha256(bytes);
      files.set(id, new Blob([bytes], { type: file.type }));
      return { id, contentType: file.type, size: bytes.byteLength };
    }),
    objectUrl: vi.fn(async (id: string) => {
      const blob = files.get(id);
      if (!blob) throw new Error('No such file');
      return { url: URL.createObjectURL(blob), contentType: blob.type };
    }),
  };
  return { files, transport };
}

const photo = (name = '现场照片.png') => new File([PNG], name, { type: 'image/png' });
const fileInput = () => document.querySelector<HTMLInputElement>('input[type="file"]')!;

describe('FileUpload', () => {
  test('uploads a picked photo, reports its stored id and shows its thumbnail', async () => {
    const { transport } = memoryStore();
    const onChange = vi.fn();
    const screen = await renderWithSafety(
      <FileUpload transport={transport} onChange={onChange} aria-label="整改前照片" />,
    );
    await expect.element(screen.getByRole('group', { name: '整改前照片' })).toBeVisible();
    await expect.element(screen.getByText('照片或 PDF，单个不超过 10 MB')).toBeVisible();

    await userEvent.upload(fileInput(), photo());
    await vi.waitFor(() => expect(onChange).toHaveBeenCalled());
    const [stored] = onChange.mock.lastCall![0] as StoredFile[];
    expect(stored).toMatchObject({ contentType: 'image/png', size: PNG.byteLength, name: '现场照片.png' });
    expect(stored!.id).toBe(await sha256(PNG.buffer as ArrayBuffer));
    await vi.waitFor(() =>
      expect(document.querySelector('.ant-upload-list-item img')?.getAttribute('src')).toMatch(
        /^blob:|^data:/,
      ),
    );
  });

  test('refuses files over the limit or of another type before sending them', async () => {
    const { transport } = memoryStore();
    const onChange = vi.fn();
    const screen = await renderWithSafety(
      <FileUpload transport={transport} onChange={onChange} maxBytes={PNG.byteLength - 1} />,
    );
    await userEvent.upload(fileInput(), photo('大照片.png'));
    await expect.element(screen.getByText(/大照片\.png 超过/)).toBeVisible();

    await userEvent.upload(fileInput(), new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
    await expect.element(screen.getByText('setup.exe 不是允许的文件类型（照片、PDF、MP4）')).toBeVisible();
    expect(transport.upload).not.toHaveBeenCalled();
    expect(onChange).not.toHaveBeenCalled();
    expect(document.querySelectorAll('.ant-upload-list-item')).toHaveLength(0);
  });

  test("shows the server's refusal on the file and keeps it out of the value", async () => {
    const { transport } = memoryStore('Only JPEG, PNG, WebP, HEIC, PDF and MP4 files are accepted');
    const onChange = vi.fn();
    const screen = await renderWithSafety(<FileUpload transport={transport} onChange={onChange} />);
    await userEvent.upload(fileInput(), photo('伪装.png'));
    await expect.element(screen.getByText(/伪装\.png 上传失败：Only JPEG/)).toBeVisible();
    await vi.waitFor(() => expect(document.querySelector('.ant-upload-list-item-error')).not.toBeNull());
    expect(onChange).not.toHaveBeenCalled();
  });

  test('shows stored files from its value, previews them, and removes one', async () => {
    const { transport } = memoryStore();
    const first = await transport.upload(photo('一.png'));
    const second = await transport.upload(
      new File([PNG, new Uint8Array([0])], '二.png', { type: 'image/png' }),
    );
    const onChange = vi.fn();
    const screen = await renderWithSafety(
      <FileUpload transport={transport} value={[first, second]} onChange={onChange} />,
    );
    await vi.waitFor(() => expect(document.querySelectorAll('.ant-upload-list-item img')).toHaveLength(2));
    expect(transport.objectUrl).toHaveBeenCalledWith(first.id);

    await screen.getByLabelText('预览文件').first().click();
    await vi.waitFor(() => expect(document.querySelector('.ant-image-preview-img')).not.toBeNull());
    await userEvent.keyboard('{Escape}');

    await screen.getByRole('button', { name: '删除文件' }).first().click();
    await vi.waitFor(() => expect(onChange).toHaveBeenLastCalledWith([second]));
  });

  test('read-only: no way to add or remove, and says when there is nothing', async () => {
    const { transport } = memoryStore();
    const stored = await transport.upload(photo());
    const screen = await renderWithSafety(<FileUpload transport={transport} value={[stored]} readOnly />);
    await vi.waitFor(() => expect(document.querySelectorAll('.ant-upload-list-item img')).toHaveLength(1));
    expect(screen.getByText('上传').elements()).toHaveLength(0);
    expect(screen.getByRole('button', { name: '删除文件' }).elements()).toHaveLength(0);
    expect(screen.getByLabelText('预览文件').elements()).toHaveLength(1);

    const empty = await renderWithSafety(<FileUpload transport={transport} value={[]} readOnly />, 'en');
    await expect.element(empty.getByText('No attachments')).toBeVisible();
  });
});
