import { ImageResponse } from 'next/og';

// The app's icons for the manifest (app/manifest.ts), drawn at build time: a white check on the
// app's blue. The maskable one fills its square and keeps the check inside the central 80 %
// that every platform's mask leaves visible.

const ICONS: Record<string, { size: number; maskable: boolean }> = {
  '192.png': { size: 192, maskable: false },
  '512.png': { size: 512, maskable: false },
  'maskable-512.png': { size: 512, maskable: true },
};

export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return Object.keys(ICONS).map((file) => ({ file }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const icon = ICONS[file];
  if (!icon) return new Response(null, { status: 404 });
  const { size, maskable } = icon;
  const check = Math.round(size * (maskable ? 0.5 : 0.6));
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', alignItems: 'center', justifyContent: 'center', background: maskable ? '#2563eb' : 'transparent' }}>
        <div
          style={{
            width: maskable ? size : Math.round(size * 0.9),
            height: maskable ? size : Math.round(size * 0.9),
            borderRadius: maskable ? 0 : Math.round(size * 0.2),
            background: '#2563eb',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
          }}
        >
          <svg width={check} height={check} viewBox="0 0 24 24" fill="none" stroke="#ffffff" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 12.5l5 5L20 6.5" />
          </svg>
        </div>
      </div>
    ),
    { width: size, height: size },
  );
}
