import { exportEndpoints, serve } from "@/lib/api/endpoints";

export const { GET, HEAD, OPTIONS } = serve(exportEndpoints.json);
