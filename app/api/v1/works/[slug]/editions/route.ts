import { listEditionsEndpoint, serve } from "@/lib/api/endpoints";

export const { GET, HEAD, OPTIONS } = serve(listEditionsEndpoint);
