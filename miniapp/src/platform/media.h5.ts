import type { LocalMedia } from './types';

/** A hidden file input: the browser's own picker (album or camera on phones), no data URLs of big videos. */
function chooseFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.multiple = multiple;
    input.style.display = 'none';
    input.onchange = () => {
      resolve(Array.from(input.files ?? []));
      input.remove();
    };
    input.addEventListener('cancel', () => {
      resolve([]);
      input.remove();
    });
    document.body.appendChild(input);
    input.click();
  });
}

function videoDuration(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const video = document.createElement('video');
    video.preload = 'metadata';
    video.onloadedmetadata = () => resolve(Number.isFinite(video.duration) ? Math.round(video.duration * 10) / 10 : undefined);
    video.onerror = () => resolve(undefined);
    video.src = url;
  });
}

export async function pickImages(max: number): Promise<LocalMedia[]> {
  const files = (await chooseFiles('image/*', max > 1)).slice(0, max);
  return files.map((f) => ({ kind: 'image', path: URL.createObjectURL(f), mime: f.type || 'image/jpeg', size: f.size, name: f.name || 'photo.jpg' }));
}

export async function pickVideo(_maxSeconds: number): Promise<LocalMedia | undefined> {
  const [f] = await chooseFiles('video/*', false);
  if (!f) return undefined;
  const path = URL.createObjectURL(f);
  return { kind: 'video', path, mime: f.type || 'video/mp4', size: f.size, duration: await videoDuration(path), name: f.name || 'video.mp4' };
}
