import { PlusOutlined } from '@ant-design/icons';
import { Image, message, Upload, type UploadFile, type UploadProps } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../i18n/i18n.js';

/** A file stored by the gateway's `POST /files` (architecture §8); GraphQL fields hold its `id`. */
export interface StoredFile {
  /** SHA-256 of the content, 64 hex digits: the same bytes always get the same id. */
  id: string;
  contentType?: string;
  size?: number;
  /** The name it had on the uploader's device, for display only. */
  name?: string;
}

/** How the component reaches the file store; `useFileTransport()` of @safety/client signs the requests. */
export interface FileTransport {
  upload(file: File): Promise<StoredFile>;
  /** A URL the page may show (an object URL of the downloaded bytes) and the stored content type. */
  objectUrl(id: string): Promise<{ url: string; contentType: string }>;
}

/** What the gateway accepts, judged again by content on the server; here only to refuse early. */
export const UPLOAD_ACCEPT = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'image/heif',
  'application/pdf',
  'video/mp4',
];
/** The gateway's default `FILES_MAX_BYTES`. */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

export interface FileUploadProps {
  /** The stored files (a form field's value). */
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  transport: FileTransport;
  maxCount?: number;
  maxBytes?: number;
  /** MIME types offered by the picker (the phone camera for images). */
  accept?: readonly string[];
  /** Show the files with preview but no way to add or remove. */
  readOnly?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
}

const sizeLabel = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

const isImage = (type: string | undefined) => type?.startsWith('image/') ?? false;

/** The entry of a stored file in antd's list; its thumbnail arrives once the bytes are fetched. */
const storedEntry = (file: StoredFile): UploadFile<StoredFile> => ({
  uid: file.id,
  name: file.name ?? `${file.id.slice(0, 8)}…`,
  status: 'done',
  type: file.contentType,
  size: file.size,
  response: file,
});

/**
 * Photo and document upload with preview (evidence before/after, signed PDFs): uploads each file
 * to the gateway as soon as it is picked, keeps the stored ids as the value, previews images in
 * place and opens PDFs in a new tab. Refuses files over the size limit or of another type before
 * sending them; the server's refusal (type judged by content) shows on the file.
 */
export function FileUpload({
  value,
  onChange,
  transport,
  maxCount,
  maxBytes = UPLOAD_MAX_BYTES,
  accept = UPLOAD_ACCEPT,
  readOnly = false,
  disabled = false,
  'aria-label': ariaLabel,
}: FileUploadProps) {
  const t = useT();
  const [messages, messageHolder] = message.useMessage();
  const [entries, setEntries] = useState<UploadFile<StoredFile>[]>(() => (value ?? []).map(storedEntry));
  const [preview, setPreview] = useState<string | null>(null);
  const urls = useRef(new Map<string, { url: string; contentType: string }>());

  // A value set from outside (a form reset, a record loaded later) replaces the list; files still uploading stay.
  const valueKey = (value ?? []).map((f) => f.id).join(',');
  useEffect(() => {
    setEntries((current) => {
      const uploading = current.filter((entry) => entry.status === 'uploading' || entry.status === 'error');
      const shown = current.filter((entry) => entry.status === 'done').map((entry) => entry.response?.id);
      if (shown.join(',') === valueKey) return current;
      return [...(value ?? []).map(storedEntry), ...uploading];
    });
    // valueKey stands for value: ids are content hashes, so equal keys mean equal files.
  }, [valueKey]);

  // Thumbnails of stored images: fetched once per id with the caller's token.
  useEffect(() => {
    let active = true;
    for (const entry of entries) {
      const id = entry.response?.id;
      if (entry.status !== 'done' || !id || entry.thumbUrl || entry.url) continue;
      const known = urls.current.get(id);
      const shown = known ? Promise.resolve(known) : transport.objectUrl(id);
      void shown
        .then((found) => {
          urls.current.set(id, found);
          if (!active) return;
          setEntries((current) =>
            current.map((e) =>
              e.uid === entry.uid
                ? {
                    ...e,
                    url: found.url,
                    type: found.contentType,
                    ...(isImage(found.contentType) ? { thumbUrl: found.url } : {}),
                  }
                : e,
            ),
          );
        })
        .catch(() => undefined); // the entry keeps its file icon; preview retries on click
    }
    return () => {
      active = false;
    };
  }, [entries, transport]);

  useEffect(() => {
    const known = urls.current;
    return () => {
      for (const { url } of known.values()) URL.revokeObjectURL(url);
    };
  }, []);

  const emit = (list: UploadFile<StoredFile>[]) =>
    onChange?.(list.flatMap((entry) => (entry.status === 'done' && entry.response ? [entry.response] : [])));

  const acceptSet = useMemo(() => new Set(accept), [accept]);
  const props: UploadProps<StoredFile> = {
    listType: 'picture-card',
    fileList: entries,
    accept: accept.join(','),
    multiple: maxCount !== 1,
    maxCount,
    disabled,
    showUploadList: { showRemoveIcon: !readOnly && !disabled, showPreviewIcon: true },
    beforeUpload: (file) => {
      if (file.size > maxBytes) {
        void messages.error(t('upload.tooLarge', { name: file.name, size: sizeLabel(maxBytes) }));
        return Upload.LIST_IGNORE;
      }
      // An empty type (some phones' HEIC) is left to the server, which judges by content.
      if (file.type && !acceptSet.has(file.type)) {
        void messages.error(t('upload.wrongType', { name: file.name }));
        return Upload.LIST_IGNORE;
      }
      return true;
    },
    customRequest: ({ file, onSuccess, onError }) => {
      const picked = file as File;
      transport
        .upload(picked)
        .then((stored) => onSuccess?.({ ...stored, name: stored.name ?? picked.name }))
        .catch((error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          void messages.error(t('upload.failed', { name: picked.name, reason }));
          onError?.(error instanceof Error ? error : new Error(reason));
        });
    },
    onChange: ({ file, fileList }) => {
      setEntries(fileList);
      if (file.status === 'done' || file.status === 'removed') emit(fileList);
    },
    onPreview: async (entry) => {
      const id = entry.response?.id;
      const found = id ? (urls.current.get(id) ?? (await transport.objectUrl(id))) : undefined;
      if (id && found) urls.current.set(id, found);
      const url = found?.url ?? entry.thumbUrl;
      if (!url) return;
      if (isImage(found?.contentType ?? entry.type)) setPreview(url);
      else window.open(url, '_blank', 'noopener');
    },
  };

  const full = maxCount !== undefined && entries.length >= maxCount;
  return (
    <fieldset
      aria-label={ariaLabel}
      data-testid="file-upload"
      style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}
    >
      {messageHolder}
      <Upload<StoredFile> {...props}>
        {readOnly || full ? null : (
          <button
            type="button"
            style={{ border: 0, background: 'none', cursor: 'pointer' }}
            disabled={disabled}
          >
            <PlusOutlined />
            <div style={{ marginTop: 8 }}>{t('upload.add')}</div>
          </button>
        )}
      </Upload>
      {readOnly && entries.length === 0 ? <span>{t('upload.empty')}</span> : null}
      {!readOnly ? (
        <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
          {t('upload.hint', { size: sizeLabel(maxBytes) })}
        </div>
      ) : null}
      {preview ? (
        <Image
          style={{ display: 'none' }}
          src={preview}
          alt={t('upload.preview')}
          preview={{ open: true, src: preview, onOpenChange: (open) => !open && setPreview(null) }}
        />
      ) : null}
    </fieldset>
  );
}
