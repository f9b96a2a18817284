import type { Database } from "@/lib/db/client";
import type { Endpoint } from "@/lib/api/endpoints";
import { routeHandlers, type Resolver } from "@/lib/api/handler";

/** The path parameters of a URL path by the route's template, decoded as Next.js decodes them. */
export function pathParameters(template: string, pathname: string): Record<string, string> {
  const names: string[] = [];
  const pattern = new RegExp(
    `^${template.replace(/[.]/g, "\\.").replace(/\{(\w+)\}/g, (_, name: string) => {
      names.push(name);
      return "([^/]+)";
    })}$`,
  );
  const match = pattern.exec(pathname);
  if (!match) throw new Error(`${pathname} does not match ${template}`);
  return Object.fromEntries(names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
}

/** Calls an endpoint's GET handler as the app route would, on the given database. */
export async function get(endpoint: Endpoint, db: Database, url: string, headers: Record<string, string> = {}): Promise<Response> {
  const { GET } = routeHandlers(endpoint.route, endpoint.resolve as Resolver<unknown, unknown>, () => db);
  const request = new Request(`http://reader.test${url}`, { headers });
  return GET(request, { params: Promise.resolve(pathParameters(endpoint.route.path, new URL(request.url).pathname)) });
}
