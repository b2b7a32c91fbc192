import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { methodsNotAllowed } from '@/lib/http/handler';
import { findDocsAsset, type DocsAsset } from '../../assets';

// Read from node_modules at run time: next.config.ts's outputFileTracingIncludes ships these
// files with the server (next start, standalone output, Vercel functions).
const SWAGGER_UI_DIR = path.join(process.cwd(), 'node_modules', 'swagger-ui-dist');

const contents = new Map<string, Promise<string>>();

function contentOf(asset: DocsAsset): Promise<string> {
  if ('source' in asset) return Promise.resolve(asset.source);
  let content = contents.get(asset.packageFile);
  if (!content) {
    content = readFile(path.join(SWAGGER_UI_DIR, asset.packageFile), 'utf8');
    // A failed read is retried on the next request rather than cached.
    content.catch(() => contents.delete(asset.packageFile));
    contents.set(asset.packageFile, content);
  }
  return content;
}

export async function GET(request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const asset = findDocsAsset(file);
  if (!asset) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  // The page asks for `?v=<version>`: such a URL never changes content, so it is cached for good.
  const versioned = new URL(request.url).searchParams.get('v') === asset.version;
  return new Response(await contentOf(asset), {
    headers: {
      'Content-Type': asset.contentType,
      'Cache-Control': versioned ? 'public, max-age=31536000, immutable' : 'public, no-cache',
    },
  });
}

const ALLOW = ['GET', 'HEAD', 'OPTIONS'];

export const { POST, PUT, PATCH, DELETE, OPTIONS } = methodsNotAllowed(ALLOW);
