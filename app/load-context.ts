import type { RequestContext } from "../server/context";

// The server builds this object per request (server/http/app.ts); loaders and actions read it.
declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

export {};
