import { exportWorkEndpoint, serve } from "@/lib/api/endpoints";

export const { GET, HEAD, OPTIONS } = serve(exportWorkEndpoint);
