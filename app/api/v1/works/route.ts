import { listWorksEndpoint, serve } from "@/lib/api/endpoints";

export const { GET, HEAD, OPTIONS } = serve(listWorksEndpoint);
