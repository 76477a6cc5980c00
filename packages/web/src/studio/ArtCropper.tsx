import { useEffect, useRef, useState } from 'react';
import { StudioError } from './StudioError.tsx';

/** The card frame's art window (the generated faces use the same 5:3). */
export const ART_WIDTH = 400;
export const ART_HEIGHT = 240;

/**
 * Crop and scale an image to the card's art window: pick a file, zoom and move it (sliders or
 * arrow keys), and the result is a PNG of exactly the frame's size.
 */
export function ArtCropper({ onDone, onCancel }: { onDone(png: Blob): void; onCancel(): void }) {
  const [image, setImage] = useState<HTMLImageElement | null>(null);
  const [zoom, setZoom] = useState(1);
  const [x, setX] = useState(0.5);
  const [y, setY] = useState(0.5);
  const [error, setError] = useState<string | null>(null);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const c = canvas.current;
    if (!c || !image) return;
    const context = c.getContext('2d')!;
    const cover = Math.max(ART_WIDTH / image.naturalWidth, ART_HEIGHT / image.naturalHeight);
    const scale = cover * zoom;
    const w = image.naturalWidth * scale;
    const h = image.naturalHeight * scale;
    context.clearRect(0, 0, ART_WIDTH, ART_HEIGHT);
    context.drawImage(image, (ART_WIDTH - w) * x, (ART_HEIGHT - h) * y, w, h);
  }, [image, zoom, x, y]);

  const load = (file: File) => {
    setError(null);
    const url = URL.createObjectURL(file);
    const img = new Image();
    img.onload = () => setImage(img);
    img.onerror = () => setError('That file is not an image this browser can read.');
    img.src = url;
  };

  return (
    <div className="studio-cropper" role="group" aria-label="Card art">
      <label>
        Image file (PNG, JPEG or WebP; saved as PNG)
        <input
          type="file"
          accept="image/png,image/jpeg,image/webp"
          onChange={(e) => e.target.files?.[0] && load(e.target.files[0])}
        />
      </label>
      <StudioError error={error} />
      <canvas
        ref={canvas}
        width={ART_WIDTH}
        height={ART_HEIGHT}
        className="studio-crop-canvas"
        aria-label="Preview of the cropped art"
      />
      <label>
        Zoom
        <input
          type="range"
          min={1}
          max={4}
          step={0.05}
          value={zoom}
          onChange={(e) => setZoom(Number(e.target.value))}
        />
      </label>
      <label>
        Left–right
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={x}
          onChange={(e) => setX(Number(e.target.value))}
        />
      </label>
      <label>
        Up–down
        <input
          type="range"
          min={0}
          max={1}
          step={0.01}
          value={y}
          onChange={(e) => setY(Number(e.target.value))}
        />
      </label>
      <div className="studio-actions">
        <button
          type="button"
          className="primary"
          disabled={!image}
          onClick={() => canvas.current?.toBlob((blob) => blob && onDone(blob), 'image/png')}
        >
          Use this art
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** A blob's bytes as base64 (for the art upload). */
export async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
